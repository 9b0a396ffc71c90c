package org.colloquy.profile;

/**
 * How much of a profile shows at all, whatever each field's audience (P-PROFILE-1): the level caps
 * the fields, the audience then narrows who sees each of those left.
 */
public enum ProfileLevel {

    /** The username only. */
    PRIVATE,

    /** Username and bio (and the photo once there is one): the default. */
    LIMITED,

    /** Every field, each to its audience. */
    FULL;

    /** Whether this level lets the field show at all (its audience decides to whom). */
    public boolean allows(ProfileField field) {
        return switch (this) {
            case PRIVATE -> false;
            case LIMITED -> field.isShownWhenLimited();
            case FULL -> true;
        };
    }
}
