package org.colloquy.platform.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Turns Markdown that members and staff write into HTML that is safe to put into a page: CommonMark
 * with GFM tables, then the OWASP sanitizer's allow-list. Raw HTML in the Markdown is shown as text,
 * never interpreted; what comes out holds only headings, paragraphs, lists, tables, quotes, code,
 * emphasis and links over http, https or mailto (no script, style, image, frame, form, event handler
 * or {@code javascript:} URL). A link that leaves the site gets {@code rel="nofollow ugc noopener"}.
 * Headings are moved down so that the first level is the one the page asks for (a page has one h1).
 *
 * <h2>Usage</h2>
 * <pre>
 * &#64;Inject Markdown markdown;
 * String html = markdown.toHtml(post.body(), 3);   // "# Title" becomes an h3
 * </pre>
 * and in a page {@code <h:outputText value="#{backing.html}" escape="false"/>}: only ever with
 * the output of this class.
 */
@ApplicationScoped
public class Markdown {

    /** What the policy lets through; everything else is dropped, its text kept where it has text. */
    private static final Set<String> ELEMENTS = Set.of("h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr",
            "ul", "ol", "li", "blockquote", "pre", "code", "em", "strong", "a",
            "table", "thead", "tbody", "tr", "th", "td");

    private static final String EXTERNAL_RELS = "nofollow ugc noopener";

    private static final Pattern CODE_LANGUAGE = Pattern.compile("language-[A-Za-z0-9_+#.-]{1,30}");

    private static final Pattern LIST_START = Pattern.compile("[0-9]{1,9}");

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();

    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .build();

    private final PolicyFactory policy = new HtmlPolicyBuilder()
            .allowElements(ELEMENTS.toArray(String[]::new))
            .allowElements((name, attributes) -> {
                markExternal(attributes);
                return name;
            }, "a")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href").onElements("a")
            .allowAttributes("title").onElements("a")
            .allowAttributes("class").matching(CODE_LANGUAGE).onElements("code")
            .allowAttributes("start").matching(LIST_START).onElements("ol")
            .toFactory();

    /**
     * An {@code @name} in running text: not after a letter, digit or {@code @} (so not in an email
     * address), 3 to 30 username characters. Code spans and blocks hold no text nodes, so mentions
     * there are never found.
     */
    private static final Pattern MENTION = Pattern.compile("(?<![A-Za-z0-9_.@/-])@([A-Za-z0-9_.-]{3,30})");

    /**
     * The names written as {@code @name} in the Markdown's running text, outside code and link
     * texts, in order of first appearance, as written (trailing dots dropped).
     */
    public Set<String> mentions(String markdown) {
        return mentions(markdown, true);
    }

    /**
     * As {@link #mentions(String)}, leaving out those inside block quotes when {@code inQuotes} is
     * false: a quote repeats someone else's words, and their mentions were told already.
     */
    public Set<String> mentions(String markdown, boolean inQuotes) {
        Set<String> names = new LinkedHashSet<>();
        if (markdown == null || markdown.isBlank()) {
            return names;
        }
        parser.parse(markdown).accept(new MentionVisitor() {
            @Override
            public void visit(BlockQuote quote) {
                if (inQuotes) {
                    visitChildren(quote);
                }
            }

            @Override
            void found(Text text, List<int[]> spans, List<String> found) {
                names.addAll(found);
            }
        });
        return names;
    }

    /**
     * Markdown to safe HTML as {@link #toHtml(String, int)}, where each {@code @name} of running
     * text whose lower-case form is a key of {@code mentionLinks} becomes a link to its value (a
     * path on this site such as {@code /u/ada}); other mentions stay text.
     */
    public String toHtml(String markdown, int topLevel, Map<String, String> mentionLinks) {
        return render(markdown, topLevel, mentionLinks);
    }

    /** Markdown to safe HTML, with "#" as an h2: for a document shown under the page's own h1. */
    public String toHtml(String markdown) {
        return toHtml(markdown, 2);
    }

    /**
     * Markdown to safe HTML.
     *
     * @param topLevel the heading level (1 to 6) that a Markdown "#" becomes; deeper ones follow, at most h6
     */
    public String toHtml(String markdown, int topLevel) {
        return render(markdown, topLevel, Map.of());
    }

    private String render(String markdown, int topLevel, Map<String, String> mentionLinks) {
        if (topLevel < 1 || topLevel > 6) {
            throw new IllegalArgumentException("A heading level is 1 to 6, not " + topLevel);
        }
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        Node document = parser.parse(markdown);
        int shift = topLevel - 1;
        if (shift > 0) {
            document.accept(new AbstractVisitor() {
                @Override
                public void visit(Heading heading) {
                    heading.setLevel(Math.min(6, heading.getLevel() + shift));
                    visitChildren(heading);
                }
            });
        }
        if (!mentionLinks.isEmpty()) {
            document.accept(new MentionVisitor() {
                @Override
                void found(Text text, List<int[]> spans, List<String> names) {
                    link(text, spans, names, mentionLinks);
                }
            });
        }
        return policy.sanitize(renderer.render(document));
    }

    /** Splits the text node around the mentions that have a link, each becoming a link holding "@name". */
    private static void link(Text text, List<int[]> spans, List<String> names, Map<String, String> links) {
        String literal = text.getLiteral();
        int done = 0;
        for (int i = 0; i < spans.size(); i++) {
            String href = links.get(names.get(i).toLowerCase(Locale.ROOT));
            if (href == null) {
                continue;
            }
            int[] span = spans.get(i);
            if (span[0] > done) {
                text.insertBefore(new Text(literal.substring(done, span[0])));
            }
            Link link = new Link(href, null);
            link.appendChild(new Text(literal.substring(span[0], span[1])));
            text.insertBefore(link);
            done = span[1];
        }
        if (done == 0) {
            return;
        }
        if (done < literal.length()) {
            text.setLiteral(literal.substring(done));
        } else {
            text.unlink();
        }
    }

    /** Finds mentions in text nodes outside links (code holds no text nodes). */
    private abstract static class MentionVisitor extends AbstractVisitor {

        @Override
        public void visit(Link link) {
            // The text of a link is the link's; a mention there is not linked again.
        }

        @Override
        public void visit(Text text) {
            Matcher m = MENTION.matcher(text.getLiteral());
            List<int[]> spans = new ArrayList<>();
            List<String> names = new ArrayList<>();
            while (m.find()) {
                String name = m.group(1);
                int end = m.end();
                while (name.endsWith(".")) {
                    name = name.substring(0, name.length() - 1);
                    end--;
                }
                if (name.length() >= 3) {
                    spans.add(new int[] {m.start(), end});
                    names.add(name);
                }
            }
            if (!names.isEmpty()) {
                found(text, spans, names);
            }
        }

        abstract void found(Text text, List<int[]> spans, List<String> names);
    }

    /**
     * Adds the external rels to a link whose address leaves the site, replacing any rel it had; drops
     * an address the URL checks emptied (a link that went nowhere safe becomes plain text).
     */
    private static void markExternal(List<String> attributes) {
        String href = null;
        for (int i = 0; i + 1 < attributes.size(); i += 2) {
            if (attributes.get(i).equals("href")) {
                href = attributes.get(i + 1);
            }
        }
        for (int i = 0; i + 1 < attributes.size(); ) {
            String name = attributes.get(i);
            if (name.equals("rel") || name.equals("href") && href.isBlank()) {
                attributes.remove(i + 1);
                attributes.remove(i);
            } else {
                i += 2;
            }
        }
        if (href != null && !href.isBlank() && isExternal(href)) {
            attributes.add("rel");
            attributes.add(EXTERNAL_RELS);
        }
    }

    /**
     * Whether a link leaves the site. Only a fragment or a path on this host stays; "//host" and
     * "/\host" (which browsers read as "//host") leave, and so does anything with a scheme.
     */
    static boolean isExternal(String href) {
        String h = href.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("#")) {
            return false;
        }
        if (h.startsWith("/")) {
            return h.length() > 1 && (h.charAt(1) == '/' || h.charAt(1) == '\\');
        }
        return true;
    }
}
