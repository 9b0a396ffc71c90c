package org.colloquy.forum;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/** What the forum pages show, each read with a fixed number of queries; authors by username only (P-FORUM-1). */
public final class ForumViews {

    private ForumViews() {
    }

    /** A topic in a category's list, with the usernames of its author and of its latest poster. */
    public record TopicRow(Topic topic, String author, String lastAuthor, Unread unread) {

        /** A row without unread state: for anonymous readers. */
        public TopicRow(Topic topic, String author, String lastAuthor) {
            this(topic, author, lastAuthor, null);
        }
    }

    /**
     * What a signed-in member has not read of a topic: never opened ({@code count} 0), or
     * {@code count} posts after the last they saw; {@code path} leads to the first unread post.
     */
    public record Unread(boolean neverOpened, int count, String path) {

        /** Nothing to mark when the member has read everything. */
        static Unread of(Topic topic, Integer lastRead) {
            if (lastRead == null) {
                return new Unread(true, 0, topic.path());
            }
            if (lastRead >= topic.postCount()) {
                return null;
            }
            int first = lastRead + 1;
            int page = (first - 1) / ForumService.POSTS_PER_PAGE + 1;
            return new Unread(false, topic.postCount() - lastRead, topic.path(page) + "#post-" + first);
        }
    }

    /**
     * One page of a category's topics, pinned first, then by latest activity; {@code withoutPage}:
     * the usernames shown without a link (deactivated accounts, P-ACCOUNT-2).
     */
    public record TopicList(ForumCategory category, List<TopicRow> topics, int page, int pages, Set<String> withoutPage) {
    }

    /** A post with its author's username (null when the account is gone). */
    public record PostRow(Post post, String author) {
    }

    /** A post as moderators see it, whatever its state: with its topic, its author's username and its address. */
    public record ModeratedPost(Post post, Topic topic, String author, String path) {
    }

    /** A topic a moderator moved: its address (unchanged) and the names of the forums it left and joined. */
    public record MovedTopic(Topic topic, String from, String to) {
    }

    /** One page of a topic's posts, 20 per page; {@code withoutPage} as in {@link TopicList}. */
    public record TopicPage(ForumCategory category, Topic topic, List<PostRow> posts, int page, int pages, Set<String> withoutPage) {
    }

    /** Something the member watches, for their list: a topic or a forum, its title and address. */
    public record WatchRow(boolean topic, long id, String title, String path, OffsetDateTime since) {
    }

    /**
     * A post of one member as their profile lists it: its topic's title and the post's address
     * ({@code /t/12/slug?page=2#post-23}).
     */
    public record RecentPost(long postId, String topicTitle, String path, int number, OffsetDateTime createdAt) {
    }
}
