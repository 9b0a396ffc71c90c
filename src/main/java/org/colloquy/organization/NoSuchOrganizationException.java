package org.colloquy.organization;

import jakarta.ejb.ApplicationException;

/**
 * An organization that does not exist or that the caller may not act on (another organization's
 * view): pages answer both with "not found", so a crafted request learns nothing.
 */
@ApplicationException(rollback = true)
public class NoSuchOrganizationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NoSuchOrganizationException(String message) {
        super(message);
    }
}
