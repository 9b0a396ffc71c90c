package org.colloquy.account;

/**
 * The age a person declares at registration, as a band rather than a birth date: the portal needs
 * only to know whether the person may register (promise P-CHILD-1), so it asks for no more.
 */
public enum AgeBand {

    UNDER_13(0),
    FROM_13_TO_15(13),
    SIXTEEN_OR_OLDER(16);

    private final int lowestAge;

    AgeBand(int lowestAge) {
        this.lowestAge = lowestAge;
    }

    /** @return the youngest age in this band */
    public int lowestAge() {
        return lowestAge;
    }
}
