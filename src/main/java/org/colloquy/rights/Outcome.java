package org.colloquy.rights;

/** How the privacy officer answered a rights request; REFUSED closes it as refused, the others as answered. */
public enum Outcome {
    DONE, PARTLY_DONE, REFUSED
}
