package org.colloquy.privacy;

/** Why {@link DisclosureService} refused to disclose one member's data. */
public enum RefusalReason {

    /** No consent record has the id given as the basis. */
    NO_SUCH_CONSENT,

    /** The consent record is another member's. */
    NOT_THE_MEMBERS_CONSENT,

    /** The consent was withdrawn (P-CONSENT-1: withdrawal stops all later disclosure). */
    WITHDRAWN,

    /** The consent is not of a kind that allows disclosure (policy acceptance, marketing email). */
    NOT_A_SHARING_CONSENT,

    /** The consent was given for another recipient. */
    OTHER_RECIPIENT,

    /** The consent does not name every field disclosed. */
    FIELDS_NOT_COVERED,

    /** The policy clause does not cover this kind of recipient. */
    CLAUSE_NOT_FOR_RECIPIENT,

    /** The policy clause does not cover every field disclosed. */
    CLAUSE_NOT_FOR_FIELDS;

    public String messageKey() {
        return "disclosure.refused." + name();
    }
}
