package org.colloquy.policy;

import java.util.Arrays;
import java.util.Optional;

import org.colloquy.privacy.ConsentPurpose;

/**
 * The documents Colloquy publishes in versions. Each has its address ({@code /privacy}) and, when
 * members accept it, the consent purpose that records the acceptance. The cookie notice is a
 * notice only: the site sets strictly necessary cookies, which need no consent (P-COOKIE-1).
 */
public enum PolicyKind {

    PRIVACY_POLICY("privacy", ConsentPurpose.PRIVACY_POLICY),
    FORUM_RULES("rules", ConsentPurpose.FORUM_RULES),
    COOKIE_NOTICE("cookies", null);

    private final String slug;
    private final ConsentPurpose purpose;

    PolicyKind(String slug, ConsentPurpose purpose) {
        this.slug = slug;
        this.purpose = purpose;
    }

    /** The first segment of the document's address: {@code /privacy}, {@code /privacy/v/2}. */
    public String slug() {
        return slug;
    }

    /** The path of the current version, {@code /privacy}. */
    public String path() {
        return "/" + slug;
    }

    /** The path of one version, {@code /privacy/v/2}. */
    public String path(int number) {
        return "/" + slug + "/v/" + number;
    }

    /** The consent purpose recording acceptance, empty for a notice nobody accepts. */
    public Optional<ConsentPurpose> purpose() {
        return Optional.ofNullable(purpose);
    }

    public boolean isAccepted() {
        return purpose != null;
    }

    /** The name of the document as pages show it (key {@code policy.kind.<NAME>}). */
    public String titleKey() {
        return "policy.kind." + name();
    }

    public static Optional<PolicyKind> ofSlug(String slug) {
        return Arrays.stream(values()).filter(kind -> kind.slug.equals(slug)).findFirst();
    }

    /** The version an acceptance of this kind names: {@code privacy/3}. */
    String noticeVersion(int number) {
        return slug + "/" + number;
    }

    /** The number in a consent's notice version of this kind, or 0 when it names none. */
    int numberIn(String noticeVersion) {
        if (noticeVersion == null || !noticeVersion.startsWith(slug + "/")) {
            return 0;
        }
        try {
            return Integer.parseInt(noticeVersion.substring(slug.length() + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
