package org.colloquy.removal;

import jakarta.ejb.ApplicationException;

/**
 * A removal request or decision that may not be made: the item is not the member's, a request for it
 * is open already, the caller is not a privacy officer, the request is decided, the appeal was used.
 * Carries a message for the person; nothing is written.
 */
@ApplicationException(rollback = true)
public class RemovalRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RemovalRefusedException(String message) {
        super(message);
    }
}
