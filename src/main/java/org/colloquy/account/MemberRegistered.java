package org.colloquy.account;

/**
 * Fired synchronously in the registering transaction once a new account exists, so that what
 * joining implies is recorded with it or not at all: the policy context records the acceptance of
 * the privacy policy version the form showed (P-CONSENT-1).
 *
 * @param privacyPolicyVersion the version the form showed, or null when none was published
 * @param via                  where the member joined, for the consent record
 */
public record MemberRegistered(long memberId, Integer privacyPolicyVersion, String via) {
}
