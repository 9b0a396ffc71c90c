package org.colloquy.forum;

import jakarta.ejb.ApplicationException;

/**
 * A category, topic or post that does not exist or that the caller may not read (a members-only
 * category for an anonymous reader): pages answer both with "not found", so that a hidden forum
 * is not revealed by its address.
 */
@ApplicationException(rollback = true)
public class NoSuchForumItemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NoSuchForumItemException(String message) {
        super(message);
    }
}
