package org.colloquy.rights;

/**
 * Where a rights request stands. UNVERIFIED until the requester follows the mailed link (a signed-in
 * member's request starts RECEIVED); ANSWERED and REFUSED are closed.
 */
public enum RequestStatus {
    UNVERIFIED, RECEIVED, IN_PROGRESS, ANSWERED, REFUSED;

    public boolean isOpen() {
        return this == RECEIVED || this == IN_PROGRESS;
    }
}
