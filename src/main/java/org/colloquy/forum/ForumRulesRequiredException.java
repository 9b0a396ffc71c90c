package org.colloquy.forum;

import jakarta.ejb.ApplicationException;

/**
 * The member has not accepted the forum rules in effect (P-FORUM-2): nothing is posted, and the
 * form shows the rules with an "I accept" before the editor, keeping what was typed.
 */
@ApplicationException(rollback = true)
public class ForumRulesRequiredException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int rulesVersion;

    public ForumRulesRequiredException(int rulesVersion) {
        super("Please accept the forum rules (version " + rulesVersion + ") before your first post.");
        this.rulesVersion = rulesVersion;
    }

    /** The version in effect, which the member is to accept. */
    public int rulesVersion() {
        return rulesVersion;
    }
}
