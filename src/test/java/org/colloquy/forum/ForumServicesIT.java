package org.colloquy.forum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;

import org.colloquy.forum.web.AnonymousPageCache;
import org.colloquy.platform.persistence.DatabaseMigrator;
import org.colloquy.platform.security.NotSignedInException;
import org.colloquy.platform.throttle.TooManyAttemptsException;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.policy.PolicyAcceptanceRequiredException;
import org.colloquy.policy.PolicyDraft;
import org.colloquy.policy.PolicyKind;
import org.colloquy.policy.PolicyPublisher;
import org.colloquy.policy.PolicyService;
import org.colloquy.policy.PolicyVersion;
import org.colloquy.test.Deployments;
import org.colloquy.test.TestDatabase;
import org.colloquy.test.TestMembers;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The forum services inside the container, on the real database: who may post and when (verified
 * email, policies and forum rules accepted, topic not locked, size, empty once made safe, posting
 * rate), what anonymous readers may see, paging, edits and deletions, and what a topic page costs.
 * Members are written straight into the database (no password hashing), each test its own.
 */
@ExtendWith(ArquillianExtension.class)
class ForumServicesIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.portal().addClasses(SqlStatementCounter.class, TestMembers.class, TestDatabase.class);
    }

    @Resource(lookup = DatabaseMigrator.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    TestDatabase db;

    @PersistenceUnit
    EntityManagerFactory emf;

    @Inject
    ForumService forum;

    @Inject
    ForumWriter writer;

    @Inject
    PolicyService policies;

    @Inject
    PolicyPublisher publisher;

    @Inject
    AnonymousPageCache pageCache;

    @BeforeEach
    void rulesInEffect() {
        TestMembers.forumRulesInEffect(policies, publisher);
    }

    /** P-FORUM-2: no post before the forum rules in effect are accepted; accepting them lets the same text through. */
    @Test
    void aMemberAcceptsTheForumRulesBeforeTheirFirstPost_P_FORUM_2() {
        ForumCategory category = category(Visibility.PUBLIC);
        long member = member("rules", true, 2);
        ForumRulesRequiredException refused = assertThrows(ForumRulesRequiredException.class,
                () -> writer.startTopic(member, category.id(), "First question", "Hello everyone"));
        assertEquals(policies.current(PolicyKind.FORUM_RULES).orElseThrow().number(), refused.rulesVersion());
        assertEquals(0, db.number("select count(*) from forum_topic where category_id = ?", category.id()));

        policies.accept(member, PolicyKind.FORUM_RULES, refused.rulesVersion(), "Forum post form");
        Topic topic = writer.startTopic(member, category.id(), "First question", "Hello everyone");
        assertEquals(1, topic.postCount());
        assertEquals("first-question", topic.slug());
    }

    @Test
    void onlyAMemberWithAVerifiedEmailPosts() {
        ForumCategory category = category(Visibility.PUBLIC);
        long unverified = member("unverified", false, 2);
        acceptRules(unverified);
        PostingRefusedException refused = assertThrows(PostingRefusedException.class,
                () -> writer.startTopic(unverified, category.id(), "Hi", "Text"));
        assertTrue(refused.getMessage().contains("Confirm your email address"), refused.getMessage());
        assertThrows(NotSignedInException.class, () -> forum.reply(1, "Anonymous callers are refused by the service"));
    }

    /** P-POLICY-1: a material change of the forum rules in effect stops posting until it is accepted. */
    @Test
    void aMaterialChangeOfTheRulesMustBeAcceptedBeforePostingAgain() {
        ForumCategory category = category(Visibility.PUBLIC);
        long member = member("again", true, 2);
        acceptRules(member);
        Topic topic = writer.startTopic(member, category.id(), "Before the change", "Some text");
        PolicyVersion rules = policies.current(PolicyKind.FORUM_RULES).orElseThrow();
        PolicyVersion changed = publisher.publish(new PolicyDraft(PolicyKind.FORUM_RULES,
                rules.bodyMarkdown() + "\n\nNo job offers. " + id(), today(), "Job offers count as advertising", true), null);

        assertThrows(PolicyAcceptanceRequiredException.class, () -> writer.reply(member, topic.id(), "After the change"));
        policies.accept(member, PolicyKind.FORUM_RULES, changed.number(), "test");
        assertEquals(2, writer.reply(member, topic.id(), "After the change").number());
    }

    @Test
    void aLockedTopicTakesNoPosts() {
        ForumCategory category = category(Visibility.PUBLIC);
        long member = poster("locked");
        Topic topic = writer.startTopic(member, category.id(), "Soon locked", "First");
        writer.setLocked(topic.id(), true);
        PostingRefusedException refused = assertThrows(PostingRefusedException.class, () -> writer.reply(member, topic.id(), "Second"));
        assertEquals("This topic is locked: it takes no new posts or edits.", refused.getMessage());
        assertEquals(1, db.number("select count(*) from forum_post where topic_id = ?", topic.id()));
    }

    /** Size limit, nothing left after sanitizing, no title: each a message for its field, nothing written. */
    @Test
    void tooLongEmptyOrUntitledPostsAreRefusedWithAMessageForTheField() {
        ForumCategory category = category(Visibility.PUBLIC);
        long member = poster("sizes");
        InvalidInputException tooLong = assertThrows(InvalidInputException.class,
                () -> writer.startTopic(member, category.id(), "Long", "x".repeat(Post.MAX_LENGTH + 1)));
        assertEquals("A post has at most 20000 characters; this one has 20001. Shorten it or split it in two.",
                tooLong.problems().get("body"));
        InvalidInputException empty = assertThrows(InvalidInputException.class,
                () -> writer.startTopic(member, category.id(), "Empty", "[](javascript:alert(1))"));
        assertTrue(empty.problems().get("body").startsWith("Nothing would be left of this post"), empty.problems().toString());
        InvalidInputException untitled = assertThrows(InvalidInputException.class,
                () -> writer.startTopic(member, category.id(), "  ", "   "));
        assertEquals(List.of("title", "body"), List.copyOf(untitled.problems().keySet()));
        assertEquals(0, db.number("select count(*) from forum_topic where category_id = ?", category.id()));
        assertEquals(0, db.number("select topic_count from forum_category where id = ?", category.id()));
    }

    /** Posts are Markdown made safe: no script, no javascript: link; external links marked nofollow ugc noopener. */
    @Test
    void aPostIsRenderedSafe() {
        ForumCategory category = category(Visibility.PUBLIC);
        long member = poster("safe");
        Topic topic = writer.startTopic(member, category.id(), "Links",
                "See [the spec](https://example.org/spec) <script>alert('x')</script> and [bad](javascript:alert(1))");
        String html = forum.topic(topic.id(), 1).posts().get(0).post().bodyHtml();
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("javascript:"), html);
        assertTrue(html.contains("<a href=\"https://example.org/spec\" rel=\"nofollow ugc noopener\">the spec</a>"), html);
    }

    /** P-SECURITY-1: posting is rate-limited, and more strictly for a member who joined less than a day ago. */
    @Test
    void aNewMemberPostsLessOftenThanAnEstablishedOne_P_SECURITY_1() {
        ForumCategory category = category(Visibility.PUBLIC);
        long newcomer = member("newcomer", true, 0);
        acceptRules(newcomer);
        Topic topic = writer.startTopic(newcomer, category.id(), "Newcomer", "One");
        writer.reply(newcomer, topic.id(), "Two");
        assertThrows(TooManyAttemptsException.class, () -> writer.reply(newcomer, topic.id(), "Three"));
        assertEquals(2, db.number("select count(*) from forum_post where topic_id = ?", topic.id()));

        long established = poster("established");
        for (int i = 1; i <= 3; i++) {
            writer.reply(established, topic.id(), "Reply " + i);
        }
        assertEquals(5, forum.topic(topic.id(), 1).topic().postCount());
    }

    /** Members-only forums and their topics do not exist for anonymous readers. */
    @Test
    void aMembersOnlyForumIsHiddenFromAnonymousReaders() {
        ForumCategory hidden = category(Visibility.MEMBERS);
        ForumCategory open = category(Visibility.PUBLIC);
        long member = poster("insider");
        Topic topic = writer.startTopic(member, hidden.id(), "Inside", "Members only");
        List<String> listed = forum.categories().stream().map(ForumCategory::slug).toList();
        assertTrue(listed.contains(open.slug()));
        assertFalse(listed.contains(hidden.slug()));
        assertThrows(NoSuchForumItemException.class, () -> forum.topics(hidden.slug(), 1));
        assertThrows(NoSuchForumItemException.class, () -> forum.topic(topic.id(), 1));
        long postId = db.number("select id from forum_post where topic_id = ?", topic.id());
        assertThrows(NoSuchForumItemException.class, () -> forum.post(postId));
        assertThrows(NotSignedInException.class, () -> forum.startTopic(hidden.id(), "x", "y"), "anonymous");
    }

    /** Twenty posts a page in number order; a page past the last does not exist; counters follow. */
    @Test
    void aTopicIsPagedTwentyPostsAPage() {
        ForumCategory category = category(Visibility.PUBLIC);
        Topic topic = topicWithAuthors(category, 41);
        ForumViews.TopicPage first = forum.topic(topic.id(), 1);
        ForumViews.TopicPage third = forum.topic(topic.id(), 3);
        assertEquals(3, first.pages());
        assertEquals(20, first.posts().size());
        assertEquals(1, first.posts().get(0).post().number());
        assertEquals(20, forum.topic(topic.id(), 2).posts().size());
        assertEquals(41, third.posts().get(0).post().number());
        assertEquals(1, third.posts().size());
        assertThrows(NoSuchForumItemException.class, () -> forum.topic(topic.id(), 4));
        assertThrows(NoSuchForumItemException.class, () -> forum.topic(topic.id(), 0));
        assertTrue(first.posts().stream().allMatch(p -> p.author() != null && p.author().startsWith("author")));

        assertEquals(1, db.number("select topic_count from forum_category where id = ?", category.id()));
        assertEquals(41, db.number("select post_count from forum_category where id = ?", category.id()));
        assertEquals(topic.id(), forum.topics(category.slug(), 1).topics().get(0).topic().id());
    }

    /** Topics of a category: the one with the latest post first. */
    @Test
    void topicsAreListedByLatestActivity() {
        ForumCategory category = category(Visibility.PUBLIC);
        long member = poster("lister");
        Topic older = writer.startTopic(member, category.id(), "Older", "First");
        Topic newer = writer.startTopic(member, category.id(), "Newer", "Second");
        assertEquals(List.of(newer.id(), older.id()), topicIds(category));
        writer.reply(member, older.id(), "Bump");
        assertEquals(List.of(older.id(), newer.id()), topicIds(category));
        ForumViews.TopicRow row = forum.topics(category.slug(), 1).topics().get(0);
        assertTrue(row.author().startsWith("lister"), row.author());
        assertEquals(row.author(), row.lastAuthor());
    }

    /** An edit marks the post edited and keeps the earlier text for moderators; only the author may edit. */
    @Test
    void editingKeepsTheEarlierVersionAndOnlyTheAuthorMayEdit() {
        ForumCategory category = category(Visibility.PUBLIC);
        long author = poster("editor");
        long other = poster("other");
        Topic topic = writer.startTopic(author, category.id(), "Typo", "Teh first version");
        long postId = forum.topic(topic.id(), 1).posts().get(0).post().id();

        writer.edit(author, postId, "The **second** version");
        Post edited = forum.topic(topic.id(), 1).posts().get(0).post();
        assertTrue(edited.isEdited());
        assertTrue(edited.bodyHtml().contains("<strong>second</strong>"), edited.bodyHtml());
        assertEquals(List.of("Teh first version"), revisions(postId));
        assertThrows(PostingRefusedException.class, () -> writer.edit(other, postId, "Hijacked"));
        assertThrows(PostingRefusedException.class, () -> writer.delete(other, postId));
        assertThrows(InvalidInputException.class, () -> writer.edit(author, postId, " "));
        assertEquals(List.of("Teh first version"), revisions(postId), "refusals add nothing");
    }

    /** A deleted post stays as a placeholder: numbers and pages do not move, its text is gone from the page. */
    @Test
    void deletingLeavesAPlaceholder() {
        ForumCategory category = category(Visibility.PUBLIC);
        long author = poster("deleter");
        Topic topic = writer.startTopic(author, category.id(), "Oops", "Keep this");
        Post second = writer.reply(author, topic.id(), "Regret this");
        writer.reply(author, topic.id(), "Third");
        writer.delete(author, second.id());

        List<ForumViews.PostRow> posts = forum.topic(topic.id(), 1).posts();
        assertEquals(List.of(1, 2, 3), posts.stream().map(p -> p.post().number()).toList());
        assertTrue(posts.get(1).post().isDeleted());
        assertEquals("", posts.get(1).post().bodyHtml());
        assertEquals(List.of("Regret this"), revisions(second.id()));
        assertThrows(PostingRefusedException.class, () -> writer.edit(author, second.id(), "Back"));
    }

    /** A page of a topic costs the same statements for 2 posts by 2 authors as for 20 of 40 posts by 40 authors. */
    @Test
    void aTopicPageCostsAFixedNumberOfStatements() {
        ForumCategory category = category(Visibility.PUBLIC);
        Topic small = topicWithAuthors(category, 2);
        Topic large = topicWithAuthors(category, 40);
        try (SqlStatementCounter counter = SqlStatementCounter.start(emf)) {
            int smallPage = counter.count(() -> forum.topic(small.id(), 1));
            int largeFirst = counter.count(() -> forum.topic(large.id(), 1));
            int largeSecond = counter.count(() -> forum.topic(large.id(), 2));
            assertEquals(3, smallPage, "topic with its category, the posts, the usernames");
            assertEquals(smallPage, largeFirst);
            assertEquals(smallPage, largeSecond);
            int listing = counter.count(() -> forum.topics(category.slug(), 1));
            assertEquals(3, listing, "category, topics, usernames");
        }
    }

    @Test
    void categoriesAreManagedByAdministratorsWithValidUniqueSlugs() {
        assertThrows(EJBException.class, () -> forum.createCategory(
                new CategoryDraft("Sneaky", "sneaky-" + id(), "", null, Visibility.PUBLIC, 1)), "not an administrator");
        ForumCategory made = category(Visibility.PUBLIC);
        InvalidInputException taken = assertThrows(InvalidInputException.class, () -> writer.createCategory(
                new CategoryDraft("Again", made.slug(), "", null, Visibility.PUBLIC, 1)));
        assertEquals("Another forum has that address. Choose another.", taken.problems().get("slug"));
        for (String bad : List.of("A", "Upper-Case", "two--hyphens", "-edge", "spaces here", "x".repeat(41))) {
            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> writer.createCategory(new CategoryDraft("Bad", bad, "", null, Visibility.PUBLIC, 1)), bad);
            assertTrue(refused.problems().containsKey("slug"), bad);
        }
        ForumCategory renamed = writer.updateCategory(made.id(),
                new CategoryDraft("Renamed", made.slug(), "New description", "No homework requests.", Visibility.MEMBERS, 5));
        assertEquals("Renamed", renamed.name());
        assertEquals("No homework requests.", renamed.conditions());
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Decision 0017: a committed post, edit or lock evicts at once the cached anonymous pages of its
     * topic, every forum page and the forum list, and leaves other topics' pages; a refused post
     * evicts nothing.
     */
    @Test
    void aCommittedChangeEvictsTheCachedPagesItTouches() {
        ForumCategory category = category(Visibility.PUBLIC);
        long member = poster("cached");
        Topic topic = writer.startTopic(member, category.id(), "Cached " + id(), "First");
        Topic other = writer.startTopic(member, category.id(), "Other " + id(), "First");
        String page2 = topic.path(1) + "?page=2";
        String forumPage = "/c/" + category.slug();
        List<String> keys = List.of(topic.path(1), page2, other.path(1), forumPage, "/forums");

        fill(keys);
        writer.reply(member, topic.id(), "A reply");
        assertEquals(List.of(other.path(1)), cached(keys), "the topic's pages, the forum and the list are gone");

        fill(keys);
        writer.edit(member, writer.reply(member, other.id(), "To edit").id(), "Edited");
        assertEquals(List.of(topic.path(1), page2), cached(keys));

        fill(keys);
        writer.setLocked(other.id(), true);
        assertEquals(List.of(topic.path(1), page2), cached(keys));

        fill(keys);
        assertThrows(PostingRefusedException.class, () -> writer.reply(member, other.id(), "Refused"));
        assertEquals(keys, cached(keys), "nothing was written, nothing evicted");
    }

    private void fill(List<String> keys) {
        for (String key : keys) {
            pageCache.put(key, new AnonymousPageCache.Page(System.nanoTime(), 200, List.of(), key.getBytes()), pageCache.generation());
        }
    }

    private List<String> cached(List<String> keys) {
        return keys.stream().filter(key -> pageCache.get(key, System.nanoTime()).isPresent()).toList();
    }

    private ForumCategory category(Visibility visibility) {
        String id = id();
        return writer.createCategory(new CategoryDraft("Forum " + id, "forum-" + id, "About " + id, null, visibility, 10));
    }

    /** A topic of {@code posts} posts, each by a different member. */
    private Topic topicWithAuthors(ForumCategory category, int posts) {
        Topic topic = writer.startTopic(poster("author"), category.id(), "Many voices " + id(), "Post 1");
        for (int i = 2; i <= posts; i++) {
            writer.reply(poster("author"), topic.id(), "Post " + i);
        }
        return topic;
    }

    private List<Long> topicIds(ForumCategory category) {
        return forum.topics(category.slug(), 1).topics().stream().map(r -> r.topic().id()).toList();
    }

    /** A verified member who joined two days ago and accepted the forum rules in effect. */
    private long poster(String prefix) {
        long member = member(prefix, true, 2);
        acceptRules(member);
        return member;
    }

    private void acceptRules(long member) {
        policies.accept(member, PolicyKind.FORUM_RULES, policies.current(PolicyKind.FORUM_RULES).orElseThrow().number(), "test");
    }

    /**
     * A member written straight into the database, joined {@code daysAgo} days ago, who accepted the
     * privacy policy in effect as joining does.
     */
    private long member(String prefix, boolean verified, int daysAgo) {
        String username = prefix + id().substring(0, 8);
        OffsetDateTime joined = OffsetDateTime.now(ZoneOffset.UTC).minusDays(daysAgo).minusMinutes(1);
        return new TestMembers(dataSource, policies).create(username, "Real Name " + username, username + "@example.org", joined, verified);
    }

    private List<String> revisions(long postId) {
        return db.strings("select body_markdown from forum_post_revision where post_id = ? order by id", postId);
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static String id() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
