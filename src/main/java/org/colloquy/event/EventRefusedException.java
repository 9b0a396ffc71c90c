package org.colloquy.event;

import jakarta.ejb.ApplicationException;

/**
 * The event services refused what was asked (not allowed, registration closed, full, no such
 * webinar); the message is in the site's language, for the page to show. Nothing was saved.
 */
@ApplicationException(rollback = true)
public class EventRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EventRefusedException(String message) {
        super(message);
    }
}
