package org.colloquy.policy;

import jakarta.ejb.ApplicationException;

/**
 * A member accepted a version that is no longer the one in effect (a newer one was published while
 * the page was open): nothing is recorded, and the page shows the current version to accept.
 */
@ApplicationException(rollback = true)
public class PolicyChangedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PolicyChangedException(PolicyKind kind, int shown, int current) {
        super("The " + kind.slug() + " page showed version " + shown + ", but version " + current + " is in effect now.");
    }
}
