package org.colloquy.privacy;

/**
 * What a consent allows. A purpose with a subject (a sponsor, a testimonial) is given per subject:
 * consent to share with one sponsor says nothing about another.
 */
public enum ConsentPurpose {

    /** Acceptance of a version of the privacy policy. */
    PRIVACY_POLICY,

    /** Acceptance of a version of the forum rules, before the first post. */
    FORUM_RULES,

    /** Promotional and newsletter email (P-MARKETING-1). */
    MARKETING_EMAIL,

    /** Sharing named fields with one named sponsor of one event (P-SPONSOR-1). */
    SPONSOR_SHARING,

    /** Showing the member's name or initials on one testimonial (P-TESTI-1). */
    TESTIMONIAL_NAME,

    /**
     * Acceptance of a workgroup's joining clause: a release publishes the name, email and company of
     * each active participant (P-RELEASE-1). A record of the wording only; the release's basis is
     * the policy clause {@link PolicyClause#DOCUMENT_RELEASE}.
     */
    WORKGROUP_JOINING
}
