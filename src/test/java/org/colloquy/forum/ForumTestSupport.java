package org.colloquy.forum;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

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
}
