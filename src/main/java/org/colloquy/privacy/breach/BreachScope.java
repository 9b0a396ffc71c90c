package org.colloquy.privacy.breach;

/**
 * Whom a breach concerns: every member, or the members whose data the disclosure ledger shows went
 * to one recipient (a sponsor that lost an attendee list). Pages name a scope with
 * {@code breach.scope.<NAME>}.
 */
public enum BreachScope {
    ALL_MEMBERS,
    RECIPIENT
}
