package org.colloquy.platform.mail.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain text cut into pieces at its http(s) URLs, so that a page can render the URLs as links and
 * everything else as escaped text: no markup from the text ever reaches the page as markup.
 * Punctuation that ends a sentence after a URL is not part of it.
 */
public final class LinkedText {

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"']+", Pattern.CASE_INSENSITIVE);
    private static final String TRAILING_PUNCTUATION = ".,;:!?)]}";

    /**
     * One piece of the text.
     *
     * @param text the characters, unescaped
     * @param link whether they are a URL
     */
    public record Piece(String text, boolean link) {
    }

    private LinkedText() {
    }

    /** @return the pieces of {@code text} in order; joined they give {@code text} back */
    public static List<Piece> split(String text) {
        List<Piece> pieces = new ArrayList<>();
        Matcher matcher = URL.matcher(text);
        int done = 0;
        while (matcher.find()) {
            int end = matcher.end();
            while (end > matcher.start() && TRAILING_PUNCTUATION.indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            if (matcher.start() > done) {
                pieces.add(new Piece(text.substring(done, matcher.start()), false));
            }
            pieces.add(new Piece(text.substring(matcher.start(), end), true));
            done = end;
        }
        if (done < text.length()) {
            pieces.add(new Piece(text.substring(done), false));
        }
        return pieces;
    }
}
