package org.colloquy.forum;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Address words made from titles, and the rule a category's slug must follow. */
public final class Slugs {

    /** Lowercase letters and digits in words joined by single hyphens. */
    public static final Pattern CATEGORY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public static final int CATEGORY_MIN = 2;

    private Slugs() {
    }

    /** "Héllo, World!" becomes "hello-world", at most {@code max} characters; {@code fallback} when nothing is left. */
    public static String of(String title, int max, String fallback) {
        String ascii = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > max) {
            slug = slug.substring(0, max).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? fallback : slug;
    }
}
