package org.colloquy.privacy.breach;

/**
 * Whom a breach concerns: every member; the members whose data the disclosure ledger shows went to
 * one recipient (a sponsor that lost an attendee list); the members who posted in a forum category;
 * the participants of a workgroup; the registrants of a webinar; or the members who joined in a date
 * range. Pages name a scope with {@code breach.scope.<NAME>}.
 */
public enum BreachScope {
    ALL_MEMBERS,
    RECIPIENT,
    FORUM_CATEGORY,
    WORKGROUP,
    WEBINAR,
    JOINED_BETWEEN;

    /** Whether the scope names a category, a workgroup or a webinar by id. */
    public boolean hasTarget() {
        return this == FORUM_CATEGORY || this == WORKGROUP || this == WEBINAR;
    }
}
