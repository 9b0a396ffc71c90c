package org.colloquy.platform.throttle.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;

/**
 * Answers a throttled form submission with HTTP 429, a {@code Retry-After} header and the 429 page,
 * which says in words when to try again.
 */
public final class TooManyAttempts {

    /** Request attribute the 429 page reads: whole minutes (at least 1) until the next attempt. */
    public static final String RETRY_MINUTES = "colloquy.retryMinutes";

    private TooManyAttempts() {
    }

    public static void respond(Duration retryAfter) {
        FacesContext context = FacesContext.getCurrentInstance();
        ExternalContext external = context.getExternalContext();
        long seconds = Math.max(1, retryAfter.toSeconds());
        external.getRequestMap().put(RETRY_MINUTES, (seconds + 59) / 60);
        external.setResponseHeader("Retry-After", Long.toString(seconds));
        try {
            external.responseSendError(429, "Too many attempts");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.responseComplete();
    }
}
