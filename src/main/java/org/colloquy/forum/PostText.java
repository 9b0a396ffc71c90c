package org.colloquy.forum;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plain text of a post, made from its safe HTML: what search matches and snippets show. Tags
 * become spaces (so words of two paragraphs do not run together), character references become their
 * characters, control characters go (search marks matches with two of them, see {@link Snippets}),
 * and runs of white space become one space. Addresses behind links are not text and are not kept.
 */
final class PostText {

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern REFERENCE = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Pattern CONTROL_OR_SPACE = Pattern.compile("[\\p{Cntrl}\\s\\u00A0]+");

    private PostText() {
    }

    static String ofHtml(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        String text = TAG.matcher(html).replaceAll(" ");
        Matcher m = REFERENCE.matcher(text);
        StringBuilder decoded = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(decoded, Matcher.quoteReplacement(decode(m.group(1), m.group())));
        }
        m.appendTail(decoded);
        return CONTROL_OR_SPACE.matcher(decoded).replaceAll(" ").strip();
    }

    private static String decode(String name, String whole) {
        if (name.startsWith("#")) {
            try {
                int code = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                        ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                return Character.isValidCodePoint(code) ? new String(Character.toChars(code)) : " ";
            } catch (NumberFormatException e) {
                return " ";
            }
        }
        return switch (name) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            default -> whole;
        };
    }
}
