package org.colloquy.privacy;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.colloquy.account.MemberDeleting;
import org.colloquy.account.MemberRecordsExpired;

/**
 * The privacy context's part of deleting an account (P-ACCOUNT-2): every consent still live is
 * withdrawn (sponsors that received data get their revocation notice through
 * {@link ConsentWithdrawn}); consent records and ledger entries are kept, as the deletion terms say.
 * Runs after the other contexts, which withdraw their own consents on their own paths first. When
 * the keeping period ends ({@link MemberRecordsExpired}) the records are erased.
 */
@ApplicationScoped
public class PrivacyMemberDeletion {

    static final String VIA = "Account deletion";

    @Inject
    ConsentService consents;

    @Inject
    EmailPreferences emailPreferences;

    void deleting(@Observes @Priority(Interceptor.Priority.APPLICATION + 500) MemberDeleting deletion) {
        consents.withdrawEverything(deletion.memberId(), VIA);
        emailPreferences.eraseChoicesOf(deletion.memberId());
    }

    /** The keeping period of a deleted member's consent records and ledger entries has passed. */
    void expired(@Observes MemberRecordsExpired expiry) {
        consents.eraseRecordsOf(expiry.memberId());
    }
}
