package org.colloquy.forum;

import java.util.List;

/** What the forum pages show, each read with a fixed number of queries; authors by username only (P-FORUM-1). */
public final class ForumViews {

    private ForumViews() {
    }

    /** A topic in a category's list, with the usernames of its author and of its latest poster. */
    public record TopicRow(Topic topic, String author, String lastAuthor) {
    }

    /** One page of a category's topics, pinned first, then by latest activity. */
    public record TopicList(ForumCategory category, List<TopicRow> topics, int page, int pages) {
    }

    /** A post with its author's username (null when the account is gone). */
    public record PostRow(Post post, String author) {
    }

    /** One page of a topic's posts, 20 per page. */
    public record TopicPage(ForumCategory category, Topic topic, List<PostRow> posts, int page, int pages) {
    }

    /**
     * A post of one member as their profile lists it: its topic's title and the post's address
     * ({@code /t/12/slug?page=2#post-23}).
     */
    public record RecentPost(long postId, String topicTitle, String path, int number, java.time.OffsetDateTime createdAt) {
    }
}
