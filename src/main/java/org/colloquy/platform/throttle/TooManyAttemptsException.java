package org.colloquy.platform.throttle;

import java.time.Duration;
import java.util.Objects;

import jakarta.ejb.ApplicationException;

/**
 * An attempt refused because its bucket is full. The web layer answers it with HTTP 429 and a page
 * saying when to try again ({@link org.colloquy.platform.throttle.web.TooManyAttempts}).
 */
@ApplicationException(rollback = true)
public class TooManyAttemptsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public TooManyAttemptsException(Duration retryAfter) {
        super("Too many attempts; retry after " + retryAfter.toSeconds() + " s");
        this.retryAfter = Objects.requireNonNull(retryAfter);
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
