package org.colloquy.testimonial;

import java.util.Set;

/**
 * How a testimonial is credited on public pages (P-TESTI-1). Anything but {@link #ANONYMOUS} shows
 * personal data and rests on a consent record naming exactly what is shown; anonymous is the
 * pre-selected choice.
 */
public enum Credit {

    /** No name at all: "A member". */
    ANONYMOUS(Set.of()),

    /** The member's full name as they gave it to the portal. */
    FULL_NAME(Set.of("name")),

    /** The initials of the member's name and an organization they type. */
    INITIALS(Set.of("initials", "organization"));

    private final Set<String> fields;

    Credit(Set<String> fields) {
        this.fields = fields;
    }

    /** The personal data fields the credit shows, as the consent and the ledger name them. */
    public Set<String> fields() {
        return fields;
    }

    public boolean isNamed() {
        return this != ANONYMOUS;
    }
}
