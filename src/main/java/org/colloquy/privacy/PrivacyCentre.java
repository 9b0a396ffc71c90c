package org.colloquy.privacy;

import java.util.List;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.colloquy.platform.security.Caller;

/**
 * The signed-in member's own consents, as the privacy centre shows them (P-CONSENT-1): every record,
 * live and withdrawn, and withdrawal of one that may be withdrawn there. Acceptance of the privacy
 * policy or the forum rules is not withdrawn here: using the portal requires it, so ending it
 * means deleting the account.
 */
@Stateless
public class PrivacyCentre {

    /** Where a withdrawal through this service is recorded as made. */
    public static final String VIA = "Privacy centre";

    @Inject
    private ConsentService consents;

    @Inject
    private Caller caller;

    /** Whether a consent of this purpose can be withdrawn in the privacy centre. */
    public static boolean isWithdrawableHere(ConsentPurpose purpose) {
        return purpose != ConsentPurpose.PRIVACY_POLICY && purpose != ConsentPurpose.FORUM_RULES;
    }

    /** Every consent the signed-in member gave, live and withdrawn, newest first. */
    public List<Consent> myConsents() {
        return consents.history(caller.requireMemberId());
    }

    /** One of the signed-in member's consents; empty when there is none of that id or it is someone else's. */
    public Optional<Consent> myConsent(long consentId) {
        long me = caller.requireMemberId();
        return consents.find(consentId).filter(c -> c.memberId() == me);
    }

    /**
     * Withdraws one of the signed-in member's consents. Withdrawal is prospective: what was done
     * with the consent before stays as it was.
     *
     * @return the consent as it is now (withdrawn), or empty when it is not the caller's or cannot
     *         be withdrawn here; nothing changes then
     */
    public Optional<Consent> withdrawMine(long consentId) {
        long me = caller.requireMemberId();
        Optional<Consent> mine = consents.find(consentId)
                .filter(c -> c.memberId() == me)
                .filter(c -> isWithdrawableHere(c.purpose()));
        if (mine.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(consents.withdraw(me, consentId, VIA));
    }
}
