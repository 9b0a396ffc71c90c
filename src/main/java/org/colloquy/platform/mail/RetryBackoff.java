package org.colloquy.platform.mail;

import java.time.Duration;

/**
 * How long the outbox waits before trying a failed mail again: 30 s after the first failure,
 * doubling with every further one, and never more than an hour. A pure function, so the schedule
 * can be read and tested without a container.
 */
public final class RetryBackoff {

    /** The wait after the first failed attempt. */
    public static final Duration FIRST = Duration.ofSeconds(30);

    /** The longest wait, however many attempts have failed. */
    public static final Duration MAX = Duration.ofHours(1);

    private RetryBackoff() {
    }

    /**
     * @param failedAttempts how many attempts have failed so far, at least 1
     * @return the wait before the next attempt: {@code 30 s × 2^(failedAttempts − 1)}, at most {@link #MAX}
     */
    public static Duration after(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("The back-off applies after a failed attempt, not after " + failedAttempts);
        }
        // 30 s × 2^7 is already past the cap; stopping there also keeps the shift from overflowing.
        int doublings = Math.min(failedAttempts - 1, 7);
        Duration wait = FIRST.multipliedBy(1L << doublings);
        return wait.compareTo(MAX) > 0 ? MAX : wait;
    }
}
