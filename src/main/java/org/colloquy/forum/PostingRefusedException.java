package org.colloquy.forum;

import jakarta.ejb.ApplicationException;

/**
 * A post, edit or deletion the member may not make (email not verified, account suspended, topic
 * locked, someone else's post), with a message they can act on. Nothing is written.
 */
@ApplicationException(rollback = true)
public class PostingRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PostingRefusedException(String message) {
        super(message);
    }
}
