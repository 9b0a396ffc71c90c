package org.colloquy.platform.security;

import jakarta.ejb.ApplicationException;

/** A service that acts for the signed-in member was called without one. */
@ApplicationException(rollback = true)
public class NotSignedInException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotSignedInException() {
        super("This needs a signed-in member");
    }
}
