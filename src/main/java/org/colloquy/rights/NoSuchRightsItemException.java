package org.colloquy.rights;

import jakarta.ejb.ApplicationException;

/** No rights request or under-age report has this id. */
@ApplicationException(rollback = true)
public class NoSuchRightsItemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NoSuchRightsItemException(String message) {
        super(message);
    }
}
