package org.colloquy.testimonial;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.colloquy.platform.i18n.Texts;

/**
 * The words of a credit and of the consent it asks for. The form shows {@link #notice} for each
 * choice, and the same text is what the consent record keeps (P-CONSENT-1), so the member agrees to
 * exactly the name that will be shown.
 */
public final class CreditWording {

    /** Version of the notice texts below; a change of their words is a new version. */
    public static final String NOTICE_VERSION = "testimonial-credit/1";

    private CreditWording() {
    }

    /** What the page shows as the credit, or null for anonymous. */
    public static String creditText(Credit credit, String name, String organization) {
        return switch (credit) {
            case ANONYMOUS -> null;
            case FULL_NAME -> name.strip();
            case INITIALS -> initials(name) + ", " + organization.strip();
        };
    }

    /** The consent notice for a named credit, naming exactly what will be shown. */
    public static String notice(Credit credit, String creditText) {
        return Texts.get("testimonial.consent." + credit.name(), creditText);
    }

    /** "Ada King Lovelace" becomes "A. K. L."; "jean-luc picard" becomes "J. L. P.". */
    public static String initials(String name) {
        List<String> parts = new ArrayList<>();
        for (String word : name.strip().split("[\\s\\-]+")) {
            if (!word.isEmpty()) {
                parts.add(new String(Character.toChars(word.codePointAt(0))).toUpperCase(Locale.ROOT) + ".");
            }
        }
        return String.join(" ", parts);
    }
}
