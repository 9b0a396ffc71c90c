package org.colloquy.moderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.colloquy.account.MemberDeleting;

/**
 * Moderation's part of deleting an account (P-ACCOUNT-2): a moderator's category assignment goes
 * with their roles (decision 0040). Review items about their posts stay as the staff log's record.
 */
@ApplicationScoped
public class ModerationMemberDeletion {

    @Inject
    ModerationRepository repository;

    void deleting(@Observes MemberDeleting deletion) {
        repository.removeAssignment(deletion.memberId());
    }
}
