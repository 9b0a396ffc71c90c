package org.colloquy.account;

import jakarta.ejb.ApplicationException;

/** The member an operation names does not exist (any more). */
@ApplicationException(rollback = true)
public class NoSuchMemberException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NoSuchMemberException(String message) {
        super(message);
    }
}
