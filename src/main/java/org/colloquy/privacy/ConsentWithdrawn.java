package org.colloquy.privacy;

/**
 * CDI event fired inside the withdrawing transaction, so that a context that relied on the consent
 * stops at once: the sponsor context tells the sponsor, the testimonial context takes the name down.
 * Observers must not undo what was done before (withdrawal is prospective, P-CONSENT-1).
 */
public record ConsentWithdrawn(long consentId, long memberId, ConsentPurpose purpose, String subjectKey) {
}
