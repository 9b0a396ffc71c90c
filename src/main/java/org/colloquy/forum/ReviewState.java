package org.colloquy.forum;

/**
 * Whether a post is shown: to everyone who may read its topic, or only to its author while it
 * waits for approval (a new member's first posts) or after moderation hid it.
 */
public enum ReviewState {
    VISIBLE,
    HELD,
    HIDDEN
}
