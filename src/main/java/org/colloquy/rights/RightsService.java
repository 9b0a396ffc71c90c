package org.colloquy.rights;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.colloquy.platform.security.Caller;

/**
 * Rights requests and under-age reports for the person at the keyboard: a signed-in member asks
 * for themselves (the member's id comes from {@link Caller}, never from the request), anyone asks
 * or reports by the public forms and follows the mailed link.
 */
@Stateless
public class RightsService {

    @Inject
    private RightsDesk desk;

    @Inject
    private Caller caller;

    @RolesAllowed("MEMBER")
    public RightsRequest request(RequestKind kind, String description) {
        return desk.requestAsMember(caller.requireMemberId(), kind, description);
    }

    @RolesAllowed("MEMBER")
    public List<RightsRequest> mine() {
        return desk.requestsOf(caller.requireMemberId());
    }

    @PermitAll
    public void requestFromPublic(RequestKind kind, String email, String description) {
        desk.requestFromPublic(kind, email, description);
    }

    @PermitAll
    public void reportUnderAge(String username, String relationship, String email, String explanation) {
        desk.reportUnderAge(username, relationship, email, explanation);
    }

    @PermitAll
    public boolean isLinkUsable(String token) {
        return desk.isLinkUsable(token);
    }

    @PermitAll
    public Optional<RightsDesk.Confirmed> confirm(String token) {
        return desk.confirm(token);
    }
}
