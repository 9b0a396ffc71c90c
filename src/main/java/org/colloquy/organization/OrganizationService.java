package org.colloquy.organization;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.colloquy.organization.OrganizationViews.AccessView;
import org.colloquy.organization.OrganizationViews.MemberNotice;
import org.colloquy.organization.OrganizationViews.OrganizationLine;
import org.colloquy.platform.security.Caller;

/**
 * {@link OrganizationDesk} for the signed-in member: the actor is always taken from {@link Caller},
 * never from the request, so a crafted organization id reaches only the caller's own organizations
 * (anything else is {@link NoSuchOrganizationException}). Registering organizations and verifying a
 * claim directly are for administrators.
 */
@Stateless
public class OrganizationService {

    @Inject
    private OrganizationDesk desk;

    @Inject
    private Caller caller;

    @RolesAllowed("ADMIN")
    public Organization register(String name, String adminUsername) {
        return desk.register(caller.requireMemberId(), name, adminUsername);
    }

    @RolesAllowed("ADMIN")
    public List<OrganizationLine> all() {
        return desk.all(caller.requireMemberId());
    }

    @RolesAllowed("ADMIN")
    public OrganizationDomain verifyDirectly(long organizationId, String domain, String reason) {
        return desk.verifyDirectly(caller.requireMemberId(), organizationId, domain, reason, OrganizationDesk.now());
    }

    @RolesAllowed("ADMIN")
    public Organization changeAdministrator(long organizationId, String adminUsername) {
        return desk.changeAdministrator(caller.requireMemberId(), organizationId, adminUsername);
    }

    @RolesAllowed("ADMIN")
    public void withdrawDomain(long organizationId, String domain, String reason) {
        desk.withdrawDomain(caller.requireMemberId(), organizationId, domain, reason);
    }

    @RolesAllowed("MEMBER")
    public List<Organization> mine() {
        return desk.administeredBy(caller.requireMemberId());
    }

    @RolesAllowed("MEMBER")
    public OrganizationLine own(long organizationId) {
        return desk.ownLine(caller.requireMemberId(), organizationId);
    }

    @RolesAllowed("MEMBER")
    public OrganizationDomain claimByMail(long organizationId, String address) {
        return desk.claimByMail(caller.requireMemberId(), organizationId, address, OrganizationDesk.now());
    }

    /** One page (from 1) of the organization administrator's view now; every member shown is written to their ledger. */
    @RolesAllowed("MEMBER")
    public AccessView view(long organizationId, int page) {
        return desk.view(caller.requireMemberId(), organizationId, page, OrganizationDesk.now());
    }

    /** The caller's notices of organizations that claim their email domain, for the privacy centre. */
    @RolesAllowed("MEMBER")
    public List<MemberNotice> myNotices() {
        return desk.noticesOf(caller.requireMemberId(), OrganizationDesk.now());
    }

    /** Whoever holds the mailbox follows the link; they need not be signed in. */
    @PermitAll
    public boolean isLinkUsable(String token) {
        return desk.isLinkUsable(token, OrganizationDesk.now());
    }

    @PermitAll
    public Optional<OrganizationDomain> confirm(String token) {
        return desk.confirm(token, OrganizationDesk.now());
    }
}
