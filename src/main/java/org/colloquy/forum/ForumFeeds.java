package org.colloquy.forum;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.colloquy.account.MemberDirectory;
import org.colloquy.platform.i18n.Texts;

/**
 * What the Atom feeds carry: the newest {@value #ENTRIES} posts of a forum (across its topics) or of a
 * topic, newest first, deleted posts left out, authors by username only (P-FORUM-1). Feed readers are
 * anonymous and feeds may be cached by anyone, so a members-only forum has no feed, whoever asks: it
 * and its topics are "not found" here (decision 0014).
 */
@Stateless
@PermitAll
public class ForumFeeds {

    public static final int ENTRIES = 20;

    /** A post in a feed, with its topic and its author's username (null for a former member). */
    public record Entry(Post post, Topic topic, String author) {
    }

    /** A feed: its title, the page it follows, its own address, when it last changed, its entries newest first. */
    public record Feed(String title, String pagePath, String feedPath, OffsetDateTime updated, List<Entry> entries) {
    }

    @Inject
    private ForumRepository forums;

    @Inject
    private ForumSearchRepository reads;

    @Inject
    private MemberDirectory directory;

    /** @throws NoSuchForumItemException when there is no such public forum */
    public Feed category(String slug) {
        ForumCategory category = forums.categoryBySlug(slug == null ? "" : slug).filter(c -> !c.isMembersOnly())
                .orElseThrow(() -> new NoSuchForumItemException("No public forum " + slug));
        List<Object[]> rows = reads.newestPostsOfCategory(category.id(), ENTRIES);
        Map<Long, String> names = directory.usernames(rows.stream().map(r -> ((Post) r[0]).authorId()).toList());
        List<Entry> entries = rows.stream().map(r -> new Entry((Post) r[0], (Topic) r[1], names.get(((Post) r[0]).authorId()))).toList();
        return new Feed(Texts.get("feed.category.title", category.name()), category.path(), "/feeds/c/" + category.slug(),
                updated(entries, category.lastActivityAt() != null ? category.lastActivityAt() : OffsetDateTime.now(java.time.ZoneOffset.UTC)), entries);
    }

    /** @throws NoSuchForumItemException when there is no such topic in a public forum */
    public Feed topic(long topicId) {
        Object[] row = forums.topicWithCategory(topicId).filter(r -> !((ForumCategory) r[1]).isMembersOnly())
                .orElseThrow(() -> new NoSuchForumItemException("No public topic " + topicId));
        Topic topic = (Topic) row[0];
        List<Post> posts = reads.newestPostsOfTopic(topicId, ENTRIES);
        Map<Long, String> names = directory.usernames(posts.stream().map(Post::authorId).toList());
        List<Entry> entries = posts.stream().map(p -> new Entry(p, topic, names.get(p.authorId()))).toList();
        return new Feed(Texts.get("feed.topic.title", topic.title()), topic.path(), "/feeds/t/" + topic.id(),
                updated(entries, topic.lastActivityAt()), entries);
    }

    private static OffsetDateTime updated(List<Entry> entries, OffsetDateTime otherwise) {
        return entries.stream().map(e -> e.post().editedAt() != null ? e.post().editedAt() : e.post().createdAt())
                .max(OffsetDateTime::compareTo).orElse(otherwise);
    }
}
