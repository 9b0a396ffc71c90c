package org.colloquy.forum;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.colloquy.account.MemberDirectory;
import org.colloquy.platform.text.Markdown;

/**
 * Test-only: writes a long thread at once, as demo content does, so that a browser test can page
 * through a topic without waiting out the posting rate of new members.
 */
@ApplicationScoped
public class ForumTestSupport {

    @Inject
    ForumRepository forums;

    @Inject
    MemberDirectory directory;

    @Inject
    Markdown markdown;

    @Inject
    Event<ForumChanged> changed;

    /**
     * A topic in the category (a public one named "Forum <slug>" is made if there is none) with {@code posts} posts by the member, numbered "Post 1", "Post 2"…
     * in their text, one minute apart, ending now.
     *
     * @return the topic's address, e.g. {@code /t/12/a-long-thread}
     */
    @Transactional
    public String thread(String categorySlug, String title, String username, int posts) {
        ForumCategory category = forums.categoryBySlug(categorySlug).orElseGet(() -> {
            ForumCategory created = new ForumCategory(new CategoryDraft("Forum " + categorySlug, categorySlug,
                    "Written by a test.", null, Visibility.PUBLIC, 900), OffsetDateTime.now(ZoneOffset.UTC));
            forums.add(created);
            forums.flush();
            return created;
        });
        long author = directory.idOf(username).orElseThrow(() -> new IllegalArgumentException("No member " + username));
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(posts);
        Topic topic = new Topic(category.id(), title, author, at);
        forums.add(topic);
        forums.flush();
        for (int i = 1; i <= posts; i++) {
            OffsetDateTime when = at.plusMinutes(i);
            String text = "Post " + i + " of the long thread.";
            int number = topic.addPost(author, when);
            forums.add(new Post(topic.id(), number, author, text, markdown.toHtml(text, 3), when));
            if (number == 1) {
                forums.countTopic(category.id(), when);
            } else {
                forums.countPost(category.id(), when);
            }
        }
        // A new forum and topic change the forums list and the forum's page: as ForumWriter announces it.
        changed.fire(ForumChanged.categories());
        return topic.path(1);
    }

    /**
     * Adds a post by the member at the end of the topic (its address, e.g. {@code /t/12/a-thread})
     * and announces the change as {@link ForumWriter} does, so that it is observed after the commit.
     */
    @Transactional
    public void reply(String topicPath, String username, String text) {
        long topicId = Long.parseLong(topicPath.split("/")[2]);
        long author = directory.idOf(username).orElseThrow(() -> new IllegalArgumentException("No member " + username));
        Topic topic = forums.lockTopic(topicId).orElseThrow();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int number = topic.addPost(author, now);
        forums.add(new Post(topic.id(), number, author, text, markdown.toHtml(text, 3), now));
        forums.countPost(topic.categoryId(), now);
        changed.fire(new ForumChanged(topic.id()));
    }

    /**
     * Adds {@code count} posts of the text to the topic after its post {@code after}, straight into the
     * table in one batch (no events, counters untouched): enough rows for search's caps, fast.
     */
    static void insertPosts(DataSource dataSource, long topicId, long authorId, int after, int count, String text) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO forum_post"
                        + " (topic_id, post_number, author_id, body_markdown, body_html, body_text, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            Timestamp now = Timestamp.from(java.time.Instant.now());
            for (int n = after + 1; n <= after + count; n++) {
                insert.setLong(1, topicId);
                insert.setInt(2, n);
                insert.setLong(3, authorId);
                insert.setString(4, text + " " + n);
                insert.setString(5, "<p>" + text + " " + n + "</p>");
                insert.setString(6, text + " " + n);
                insert.setTimestamp(7, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
