package org.colloquy.organization;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.colloquy.account.MemberAddressVerified;

/**
 * The organization context's part of a member's address becoming verified (P-CORP-1): in the
 * account's own transaction, a member who arrives at a claimed domain is told at that moment and
 * waits the notice period from then; one who leaves a domain stops being shown at once.
 */
@ApplicationScoped
public class OrganizationArrivals {

    @Inject
    OrganizationDesk desk;

    void verified(@Observes MemberAddressVerified verified) {
        desk.addressVerified(verified.memberId(), verified.email(), verified.name(), OrganizationDesk.now());
    }
}
