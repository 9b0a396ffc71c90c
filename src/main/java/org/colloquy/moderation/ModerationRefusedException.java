package org.colloquy.moderation;

import jakarta.ejb.ApplicationException;

/**
 * A moderation request that may not be made: the caller does not moderate, the item is claimed by
 * someone else or already decided, a flag repeats an open one. Carries a message for the person;
 * nothing is written.
 */
@ApplicationException(rollback = true)
public class ModerationRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ModerationRefusedException(String message) {
        super(message);
    }
}
