package org.colloquy.account;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules for usernames, the only name other members see in the forums. A username is 3 to 30
 * ASCII letters, digits, {@code _ . -}; it must not pass for the site or its staff, so reserved names
 * are refused however they are cased or punctuated ("Ad.min"). Two usernames that differ only in
 * case belong to the same person: {@link #key} is what must be unique.
 */
public final class Usernames {

    public static final int MIN = 3;
    public static final int MAX = 30;

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern PUNCTUATION = Pattern.compile("[._-]");

    /** Compared after {@link #reservedForm}: lower case, without punctuation. */
    private static final Set<String> RESERVED = Set.of(
            "admin", "administrator", "moderator", "mod", "system", "root", "support", "staff", "colloquy",
            "privacy", "security", "help", "info", "abuse", "postmaster", "webmaster", "noreply", "null",
            "undefined", "anonymous", "everyone", "here", "all", "api", "www", "mail", "owner", "official",
            "sponsor");

    private Usernames() {
    }

    /**
     * @return the i18n key of what is wrong with the username ({@code username.tooShort},
     *         {@code username.tooLong}, {@code username.characters}, {@code username.reserved}), or
     *         empty when it may be registered (uniqueness is the caller's check)
     */
    public static Optional<String> problemKey(String username) {
        if (username == null || username.length() < MIN) {
            return Optional.of("username.tooShort");
        }
        if (username.length() > MAX) {
            return Optional.of("username.tooLong");
        }
        if (!ALLOWED.matcher(username).matches()) {
            return Optional.of("username.characters");
        }
        if (isReserved(username)) {
            return Optional.of("username.reserved");
        }
        return Optional.empty();
    }

    /** @return whether the username is, apart from case and {@code . _ -}, one the site keeps for itself */
    public static boolean isReserved(String username) {
        return username != null && RESERVED.contains(reservedForm(username));
    }

    /** @return the form in which usernames must be unique: lower case, independent of the server's locale */
    public static String key(String username) {
        Objects.requireNonNull(username, "username is null");
        return username.toLowerCase(Locale.ROOT);
    }

    private static String reservedForm(String username) {
        return PUNCTUATION.matcher(username.toLowerCase(Locale.ROOT)).replaceAll("");
    }
}
