package org.colloquy.forum;

/**
 * Who may read and write a forum category that has an audience key (such as {@code workgroup:7}),
 * answered by the context that owns the audience (the workgroup context implements it as a CDI
 * bean). A category whose key no audience claims admits nobody.
 */
public interface ForumAudience {

    /** The prefix of the keys this audience answers, such as {@code workgroup:}. */
    String prefix();

    /** Whether the member may read and write the category with this key (which starts with {@link #prefix()}). */
    boolean admits(String audienceKey, long memberId);
}
