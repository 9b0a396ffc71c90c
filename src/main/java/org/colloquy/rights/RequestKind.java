package org.colloquy.rights;

/** What a person asks of Colloquy about their personal data (P-RIGHTS-1). */
public enum RequestKind {
    ACCESS, CORRECTION, RESTRICTION, DELETION, OBJECTION
}
