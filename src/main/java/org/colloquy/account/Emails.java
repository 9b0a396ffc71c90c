package org.colloquy.account;

import java.util.Locale;
import java.util.Objects;

/**
 * Email addresses as the portal compares and accepts them. The check is pragmatic, not RFC 5322:
 * it catches typing mistakes, and only a confirmation mail proves an address. {@link #key} is what
 * must be unique, so "Jane@Example.org " and "jane@example.org" are one account.
 */
public final class Emails {

    /** The longest address that fits in an SMTP forward path (RFC 5321). */
    public static final int MAX = 254;

    private Emails() {
    }

    /** @return the address trimmed and in lower case, independent of the server's locale */
    public static String key(String email) {
        Objects.requireNonNull(email, "email is null");
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * @return whether the address, trimmed, plausibly is one: at most 254 characters, exactly one
     *         {@code @}, something before it, a domain with a dot between non-empty labels, and no
     *         white space or control characters
     */
    public static boolean looksValid(String email) {
        if (email == null) {
            return false;
        }
        String address = email.strip();
        if (address.isEmpty() || address.length() > MAX
                || address.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)
                        || Character.isSpaceChar(c))) {
            return false;
        }
        int at = address.indexOf('@');
        if (at <= 0 || at != address.lastIndexOf('@')) {
            return false;
        }
        String domain = address.substring(at + 1);
        return domain.indexOf('.') > 0 && !domain.endsWith(".") && !domain.contains("..");
    }
}
