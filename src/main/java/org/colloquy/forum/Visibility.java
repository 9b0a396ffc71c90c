package org.colloquy.forum;

/** Who may read a category: anyone, or signed-in members only. */
public enum Visibility {
    PUBLIC,
    MEMBERS
}
