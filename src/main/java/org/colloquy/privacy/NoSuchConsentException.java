package org.colloquy.privacy;

/** The consent does not exist or is not the caller's: both look the same to the caller. */
public class NoSuchConsentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NoSuchConsentException(long id) {
        super("You have no consent numbered " + id + ".");
    }
}
