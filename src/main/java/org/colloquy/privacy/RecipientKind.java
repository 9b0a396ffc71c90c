package org.colloquy.privacy;

/** Who receives personal data in a disclosure: the member reads it in their ledger. */
public enum RecipientKind {

    /** A sponsor of an event: the consented attendee list (P-SPONSOR-2). */
    SPONSOR,

    /** Everyone: a released document, a testimonial with a name (P-RELEASE-1, P-TESTI-1). */
    PUBLIC,

    /** An organization's administrator (P-CORP-1). */
    ORGANIZATION,

    /** Fellow collaborators of a workgroup (P-RELEASE-2). */
    WORKGROUP,

    /** Anyone else, such as an authority under a legal obligation. */
    OTHER;

    /** Key of the text naming this kind for a member. */
    public String messageKey() {
        return "ledger.kind." + name();
    }
}
