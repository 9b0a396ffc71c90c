package org.colloquy.moderation;

/** What a moderator does to a member (issue 7, decision 0028). */
public enum Sanction {
    WARN, SILENCE, SUSPEND, LIFT_SILENCE, LIFT_SUSPENSION;

    /** Silence and suspension last until a date. */
    public boolean needsEnd() {
        return this == SILENCE || this == SUSPEND;
    }

    /** Lifting needs words, not a rule broken. */
    public boolean isLift() {
        return this == LIFT_SILENCE || this == LIFT_SUSPENSION;
    }
}
