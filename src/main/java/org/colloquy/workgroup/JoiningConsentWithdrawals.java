package org.colloquy.workgroup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.colloquy.privacy.ConsentPurpose;
import org.colloquy.privacy.ConsentWithdrawn;

/**
 * Withdrawing the joining clause's consent in the privacy centre means leaving the workgroup: the
 * release's basis is the policy clause, so the way to not be listed on future releases is to stop
 * taking part. Runs in the withdrawal's transaction.
 */
@ApplicationScoped
public class JoiningConsentWithdrawals {

    @Inject
    Workgroups workgroups;

    void onWithdrawn(@Observes ConsentWithdrawn withdrawn) {
        String subject = withdrawn.subjectKey();
        if (withdrawn.purpose() != ConsentPurpose.WORKGROUP_JOINING || subject == null || !subject.startsWith("workgroup:")) {
            return;
        }
        try {
            workgroups.joiningConsentWithdrawn(withdrawn.memberId(), Long.parseLong(subject.substring("workgroup:".length())));
        } catch (NumberFormatException e) {
            // Not a key this context wrote: nothing of ours to end.
        }
    }
}
