package org.colloquy.moderation;

/**
 * What a moderator decides on a queue item. {@link #HIDE} and {@link #DELETE} uphold the flags on
 * the post and tell its author what and why; the others decline them and show the post.
 */
public enum Decision {
    /** A held post goes up; on a flagged post, the flags are declined. */
    APPROVE,
    HIDE,
    DELETE,
    /** A hidden post is shown again. */
    RESTORE;

    public boolean upholds() {
        return this == HIDE || this == DELETE;
    }
}
