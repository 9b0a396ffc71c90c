package org.colloquy.account.security;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A member who gave the right password for an account they deactivated, and is asked whether to
 * reactivate it. Kept in the HTTP session for a few minutes; not a sign-in yet.
 */
public record PendingReactivation(long memberId, String next, OffsetDateTime expiresAt) implements PendingStep, Serializable {

    public static final String ATTRIBUTE = "colloquy.pendingReactivation";

    public PendingReactivation {
        Objects.requireNonNull(expiresAt);
    }
}
