package org.colloquy.account.security;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A member who gave the right password and still has to give a code from their authenticator app
 * or a recovery code. Kept in the HTTP session for a few minutes; not a sign-in yet.
 */
public record PendingSecondFactor(long memberId, String next, OffsetDateTime expiresAt) implements PendingStep, Serializable {

    public static final String ATTRIBUTE = "colloquy.pendingSecondFactor";

    public PendingSecondFactor {
        Objects.requireNonNull(expiresAt);
    }
}
