package org.colloquy.moderation;

/** What a moderator does to a whole topic. */
public enum TopicAction {
    LOCK,
    UNLOCK,
    PIN,
    UNPIN
}
