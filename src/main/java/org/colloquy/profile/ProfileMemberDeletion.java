package org.colloquy.profile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.colloquy.account.MemberDeleting;

/** The profile's part of deleting an account (P-ACCOUNT-2): the profile and photo are erased. */
@ApplicationScoped
public class ProfileMemberDeletion {

    @Inject
    ProfileWriter writer;

    void deleting(@Observes MemberDeleting deletion) {
        writer.erase(deletion.memberId());
    }
}
