package org.colloquy.sponsor;

import jakarta.ejb.ApplicationException;

/** The sponsor portal refused a request: the caller is not a contact of that sponsor, or the sponsor does not sponsor that webinar. */
@ApplicationException(rollback = true)
public class PortalRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PortalRefusedException(String message) {
        super(message);
    }
}
