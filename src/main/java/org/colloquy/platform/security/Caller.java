package org.colloquy.platform.security;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;

/**
 * Who is calling, for services of every context. A service that acts for "the current member"
 * takes their id from here, never from a request parameter, so one member cannot act for another.
 */
@ApplicationScoped
public class Caller {

    @Inject
    private SecurityContext securityContext;

    public Optional<MemberPrincipal> principal() {
        return securityContext.getPrincipalsByType(MemberPrincipal.class).stream().findFirst();
    }

    public Optional<Long> memberId() {
        return principal().map(MemberPrincipal::memberId);
    }

    /** @throws NotSignedInException when nobody is signed in */
    public long requireMemberId() {
        return memberId().orElseThrow(NotSignedInException::new);
    }

    public boolean isInRole(String role) {
        return securityContext.isCallerInRole(role);
    }
}
