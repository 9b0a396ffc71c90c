package org.colloquy.privacy.export;

import java.util.Objects;

/** A kind of data kept about the member that the export leaves out ({@code what}), with the reason ({@code why}). */
public record Withheld(String what, String why) {

    public Withheld {
        Objects.requireNonNull(what);
        Objects.requireNonNull(why);
    }
}
