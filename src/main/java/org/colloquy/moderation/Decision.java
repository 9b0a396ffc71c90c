package org.colloquy.moderation;

/**
 * What a moderator decides on a queue item. {@link #HIDE} and {@link #DELETE} uphold the flags on
 * the post and tell its author what and why; {@link #APPROVE} and {@link #RESTORE} decline them and
 * show the post. On an appeal, {@link #RESTORE} grants it and the others deny it.
 */
public enum Decision {
    /** A held post goes up; on a flagged post, the flags are declined. */
    APPROVE,
    HIDE,
    DELETE,
    /** A hidden post is shown again; on an appeal of a deletion or an edit, the post is put back as it was. */
    RESTORE,
    /** Only on an appeal: the appealed decision stands and nothing changes (denies the appeal). */
    KEEP;

    public boolean upholds() {
        return this == HIDE || this == DELETE || this == KEEP;
    }
}
