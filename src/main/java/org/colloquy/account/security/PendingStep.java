package org.colloquy.account.security;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * A step of a sign-in still to come after the right password (a second factor, a reactivation),
 * kept in the HTTP session for a few minutes; not a sign-in yet.
 */
public interface PendingStep {

    /** How long the step stays open after the password. */
    Duration LIFETIME = Duration.ofMinutes(5);

    long memberId();

    /** Where to go once signed in. */
    String next();

    OffsetDateTime expiresAt();

    default boolean isExpired(OffsetDateTime now) {
        return !now.isBefore(expiresAt());
    }
}
