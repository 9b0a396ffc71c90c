package org.colloquy.organization;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Email domains as an organization claims them: a host name in lower case, and never a free-mail or
 * public provider, whose addresses belong to no organization.
 */
public final class Domains {

    /** Providers anyone can get an address at; a claim of one is refused. */
    public static final Set<String> PUBLIC_PROVIDERS = Set.of(
            "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com", "ymail.com",
            "icloud.com", "me.com", "aol.com", "gmx.net", "gmx.de", "web.de", "proton.me", "protonmail.com",
            "mail.com", "yandex.ru", "zoho.com", "fastmail.com");

    private static final Pattern HOST = Pattern.compile("(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

    private Domains() {
    }

    /** The domain in lower case, when it is a well-formed host name with at least two labels. */
    public static Optional<String> normalize(String domain) {
        if (domain == null) {
            return Optional.empty();
        }
        String d = domain.strip().toLowerCase(Locale.ROOT);
        if (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        return HOST.matcher(d).matches() ? Optional.of(d) : Optional.empty();
    }

    /** The domain of an address ({@code example.com} of {@code it@example.com}), when it has one. */
    public static Optional<String> ofAddress(String address) {
        if (address == null) {
            return Optional.empty();
        }
        String a = address.strip();
        int at = a.lastIndexOf('@');
        if (at < 1 || at != a.indexOf('@') || a.length() > OrganizationDomain.ADDRESS_LENGTH || a.chars().anyMatch(Character::isWhitespace)) {
            return Optional.empty();
        }
        return normalize(a.substring(at + 1));
    }

    public static boolean isPublicProvider(String domain) {
        return PUBLIC_PROVIDERS.contains(domain);
    }
}
