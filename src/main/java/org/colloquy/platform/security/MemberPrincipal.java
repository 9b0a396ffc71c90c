package org.colloquy.platform.security;

import jakarta.security.enterprise.CallerPrincipal;

/**
 * The signed-in member as the container knows them: their username (the principal's name) and
 * their member id, which stays the same when they change their username.
 */
public class MemberPrincipal extends CallerPrincipal {

    private static final long serialVersionUID = 1L;

    private final long memberId;

    public MemberPrincipal(long memberId, String username) {
        super(username);
        this.memberId = memberId;
    }

    public long memberId() {
        return memberId;
    }

    @Override
    public String toString() {
        return "MemberPrincipal[" + memberId + " " + getName() + "]";
    }
}
