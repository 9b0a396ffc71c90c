package org.colloquy.privacy.breach;

import jakarta.ejb.ApplicationException;

/**
 * A breach action that may not be taken: the caller keeps no privacy records, the breach does not
 * exist or was already sent. Carries a message for the person; nothing is written.
 */
@ApplicationException(rollback = true)
public class BreachRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BreachRefusedException(String message) {
        super(message);
    }
}
