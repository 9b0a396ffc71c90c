package org.colloquy.forum;

import java.util.List;

/**
 * Search results' highlighted text, made safe in one place for both databases. A text arrives with
 * its matches between two control characters, {@link #START} and {@link #STOP} (PostgreSQL's
 * {@code ts_headline} writes them; on H2 {@link #mark} does); {@link #toHtml} escapes everything, then
 * turns only those two characters into {@code <mark>} and {@code </mark>}. Post texts hold no control
 * characters ({@link PostText}), so no post can open or close a mark, and no markup of a post can
 * reach the page.
 */
public final class Snippets {

    static final char START = '\u0002';
    static final char STOP = '\u0003';

    /** {@code <} and {@code >} as PostgreSQL's headline is given them (it would drop what looks like a tag). */
    static final char LESS_THAN = '\u0004';
    static final char GREATER_THAN = '\u0005';

    private static final String ELLIPSIS = "…";

    private Snippets() {
    }

    /** Escaped HTML of a marked text, with {@code <mark>} around the marked parts and nothing else unescaped. */
    public static String toHtml(String marked) {
        if (marked == null) {
            return "";
        }
        StringBuilder html = new StringBuilder(marked.length() + 32);
        boolean open = false;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            switch (c) {
                case START -> {
                    if (!open) {
                        html.append("<mark>");
                        open = true;
                    }
                }
                case STOP -> {
                    if (open) {
                        html.append("</mark>");
                        open = false;
                    }
                }
                case '&' -> html.append("&amp;");
                case '<', LESS_THAN -> html.append("&lt;");
                case '>', GREATER_THAN -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> {
                    if (!Character.isISOControl(c)) {
                        html.append(c);
                    }
                }
            }
        }
        if (open) {
            html.append("</mark>");
        }
        return html.toString();
    }

    /**
     * A part of {@code text} of at most about {@code maxChars} characters around the first match of
     * any term (case-insensitive), every match in it marked; the whole text marked when {@code maxChars}
     * is 0. Cut ends are shown with an ellipsis.
     */
    static String mark(String text, List<String> terms, int maxChars) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        int from = 0;
        int to = text.length();
        if (maxChars > 0 && text.length() > maxChars) {
            int first = firstMatch(text, terms, 0);
            from = first < 0 ? 0 : Math.max(0, first - maxChars / 3);
            if (from > 0) {
                // Start at a word: after the first space before the match.
                int space = text.indexOf(' ', from);
                if (space >= 0 && space < first) {
                    from = space + 1;
                }
            }
            to = Math.min(text.length(), from + maxChars);
            if (to < text.length()) {
                int space = text.lastIndexOf(' ', to);
                to = space > from ? space : to;
            }
        }
        StringBuilder marked = new StringBuilder(to - from + 16);
        if (from > 0) {
            marked.append(ELLIPSIS);
        }
        int i = from;
        while (i < to) {
            int match = -1;
            int length = 0;
            for (String term : terms) {
                if (!term.isEmpty() && i + term.length() <= to && text.regionMatches(true, i, term, 0, term.length())
                        && term.length() > length) {
                    match = i;
                    length = term.length();
                }
            }
            if (match >= 0) {
                marked.append(START).append(text, i, i + length).append(STOP);
                i += length;
            } else {
                marked.append(text.charAt(i));
                i++;
            }
        }
        if (to < text.length()) {
            marked.append(ELLIPSIS);
        }
        return marked.toString();
    }

    private static int firstMatch(String text, List<String> terms, int from) {
        for (int i = from; i < text.length(); i++) {
            for (String term : terms) {
                if (!term.isEmpty() && text.regionMatches(true, i, term, 0, term.length())) {
                    return i;
                }
            }
        }
        return -1;
    }
}
