package org.colloquy.policy;

import java.util.List;

import jakarta.ejb.ApplicationException;

/**
 * The member has not accepted a material change now in effect: what needs their acceptance (a
 * post, say) is refused until they accept it at {@code /policy-update}. Reading, signing out,
 * exporting and deleting the account never throw this.
 */
@ApplicationException(rollback = true)
public class PolicyAcceptanceRequiredException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> owed;

    public PolicyAcceptanceRequiredException(List<PolicyVersion> owed) {
        super("Please accept the changed " + String.join(" and ", owed.stream()
                .map(v -> v.kind().slug() + " version " + v.number()).toList()) + " first, at /policy-update.");
        this.owed = owed.stream().map(v -> v.kind().noticeVersion(v.number())).toList();
    }

    /** The versions owed, as {@code privacy/3}. */
    public List<String> owed() {
        return owed;
    }
}
