package org.colloquy.forum;

/**
 * Something anonymous readers see in the forums changed: a post in a topic (new, edited, deleted),
 * a topic (started, locked), or a category. {@link ForumWriter} fires it within its transaction;
 * observers that want only what was committed observe it {@code during = AFTER_SUCCESS}.
 *
 * @param topicId the topic that changed, or {@code null} when a category changed (it may touch
 *                every page of the forums)
 */
public record ForumChanged(Long topicId) {

    /** A change to a category: its name, slug, visibility or order. */
    public static ForumChanged categories() {
        return new ForumChanged(null);
    }
}
