package org.colloquy.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.colloquy.account.MemberDeleting;

/**
 * The events' part of deleting an account (P-ACCOUNT-2): registrations for webinars still to come
 * are cancelled, which withdraws their sharing consents (and so tells sponsors that received data).
 */
@ApplicationScoped
public class EventMemberDeletion {

    static final String VIA = "Account deletion";

    @Inject
    EventService events;

    void deleting(@Observes MemberDeleting deletion) {
        events.cancelUpcoming(deletion.memberId(), VIA);
    }
}
