package org.colloquy.privacy;

import java.util.Objects;

/**
 * Why a member's data may be disclosed: a consent record of that member, or a clause of the
 * published policy. {@link DisclosureService} checks it at the moment of the disclosure.
 */
public sealed interface Basis permits Basis.Consented, Basis.Clause {

    static Basis consent(long consentId) {
        return new Consented(consentId);
    }

    static Basis clause(PolicyClause clause) {
        return new Clause(clause);
    }

    /** The member's consent record with this id; it must be live, theirs, for this recipient and these fields. */
    record Consented(long consentId) implements Basis {
    }

    /** A clause of the policy; it must cover the recipient's kind and the fields. */
    record Clause(PolicyClause clause) implements Basis {
        public Clause {
            Objects.requireNonNull(clause, "clause");
        }
    }
}
