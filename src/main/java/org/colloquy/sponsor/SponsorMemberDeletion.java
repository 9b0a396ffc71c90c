package org.colloquy.sponsor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.colloquy.account.MemberDeleting;

/** The sponsors' part of deleting an account (P-ACCOUNT-2): a contact no longer acts for any sponsor. */
@ApplicationScoped
public class SponsorMemberDeletion {

    @Inject
    SponsorService sponsors;

    void deleting(@Observes MemberDeleting deletion) {
        sponsors.removeContactEverywhere(deletion.memberId());
    }
}
