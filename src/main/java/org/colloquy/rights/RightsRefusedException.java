package org.colloquy.rights;

import jakarta.ejb.ApplicationException;

/** A rights action that may not be done by this person or in this state; the message says why, for a person. */
@ApplicationException(rollback = true)
public class RightsRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RightsRefusedException(String message) {
        super(message);
    }
}
