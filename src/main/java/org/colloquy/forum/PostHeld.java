package org.colloquy.forum;

/**
 * A new member's post was held for approval ({@link HeldPosts}); fired within the posting
 * transaction so that the review queue gets its item in the same commit.
 */
public record PostHeld(long postId, long topicId, long authorId) {
}
