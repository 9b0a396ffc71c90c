package org.colloquy.platform.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The site's texts outside Facelets (mail, service messages), from the same bundle the pages use
 * as {@code #{msg[...]}}. The site speaks English today; the locale parameter is where a member's
 * language will go.
 */
public final class Texts {

    public static final String BUNDLE = "org.colloquy.i18n.messages";
    public static final Locale SITE_LOCALE = Locale.ENGLISH;

    private Texts() {
    }

    public static String get(String key, Object... args) {
        return get(SITE_LOCALE, key, args);
    }

    public static String get(Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, locale).getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("No text for key " + key + " in " + BUNDLE, e);
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }
}
