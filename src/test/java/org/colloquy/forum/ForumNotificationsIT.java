package org.colloquy.forum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;

import org.colloquy.platform.mail.NotificationKind;
import org.colloquy.platform.persistence.DatabaseMigrator;
import org.colloquy.policy.PolicyKind;
import org.colloquy.policy.PolicyPublisher;
import org.colloquy.policy.PolicyService;
import org.colloquy.privacy.EmailPreferences;
import org.colloquy.test.Deployments;
import org.colloquy.test.TestDatabase;
import org.colloquy.test.TestMembers;
import org.colloquy.workgroup.Actor;
import org.colloquy.workgroup.Workgroup;
import org.colloquy.workgroup.Workgroups;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Watching, the batched watch mail, {@code @mentions} and unread state, in the container on the
 * real database. Mails are read from the outbox table. Members carry distinctive real names and
 * addresses, which must never reach a mail sent to someone else (P-FORUM-1). In a workgroup's
 * discussion area only those its audience admits are mailed (decision 0046).
 */
@ExtendWith(ArquillianExtension.class)
class ForumNotificationsIT {

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
    ForumWatches watches;

    @Inject
    WatchSweep sweep;

    @Inject
    PolicyService policies;

    @Inject
    PolicyPublisher publisher;

    @Inject
    EmailPreferences preferences;

    @Inject
    ForumRepository forums;

    @Inject
    Workgroups workgroups;

    @BeforeEach
    void rulesInEffect() {
        TestMembers.forumRulesInEffect(policies, publisher);
    }

    /** Three posts by two others in one interval: one mail listing them, usernames only (P-FORUM-1); the watcher's own post is not in it. */
    @Test
    void aWatcherGetsOneMailPerTopicPerIntervalListingOthersPosts_P_FORUM_1() {
        ForumCategory category = category(Visibility.PUBLIC);
        Member watcher = poster("watcher");
        Member ada = poster("ada");
        Member bob = poster("bob");
        Topic topic = writer.startTopic(watcher.id, category.id(), "Watched " + id(), "Opening post");
        sweep.sweep(); // anything earlier in the database is dealt with; this test counts its own mails
        writer.reply(ada.id, topic.id(), "First answer from ada");
        writer.reply(bob.id, topic.id(), "Second answer, **bold** & more");
        writer.reply(watcher.id, topic.id(), "My own reply, never mailed to me");
        writer.reply(ada.id, topic.id(), "Third answer from ada");

        sweep.sweep();
        List<Mail> mails = mailsTo(watcher, NotificationKind.WATCHED_TOPIC);
        assertEquals(1, mails.size(), mails.toString());
        Mail mail = mails.get(0);
        assertTrue(mail.subject.contains(topic.title()), mail.subject);
        assertTrue(mail.body.contains(ada.username + " wrote (post 2)"), mail.body);
        assertTrue(mail.body.contains("Second answer, bold & more"), mail.body);
        assertTrue(mail.body.contains(topic.path() + "#post-5"), mail.body);
        assertFalse(mail.body.contains("My own reply"), mail.body);
        assertNoPersonalData(mail, ada, bob);

        sweep.sweep();
        assertEquals(1, mailsTo(watcher, NotificationKind.WATCHED_TOPIC).size(), "nothing new, no new mail");
        // Ada and Bob watch it too, as they replied: each got one mail, without their own posts.
        List<Mail> toAda = mailsTo(ada, NotificationKind.WATCHED_TOPIC);
        assertEquals(1, toAda.size());
        assertFalse(toAda.get(0).body.contains("First answer from ada"), toAda.get(0).body);
        assertNoPersonalData(toAda.get(0), watcher, bob);
    }

    /** P-MARKETING-1: a member who opted out of watched-topic mail gets none; one who stopped watching gets none either. */
    @Test
    void anOptedOutWatcherGetsNoMailAndStoppingWatchingEndsIt_P_MARKETING_1() {
        ForumCategory category = category(Visibility.PUBLIC);
        Member quiet = poster("quiet");
        Member leaver = poster("leaver");
        Member other = poster("other");
        Topic topic = writer.startTopic(other.id, category.id(), "Busy " + id(), "Start");
        watches.watchTopic(quiet.id, topic.id());
        watches.watchTopic(leaver.id, topic.id());
        preferences.save(quiet.id, false, Set.of(NotificationKind.WATCHED_TOPIC), "test");
        watches.unwatchTopic(leaver.id, topic.id());
        writer.reply(other.id, topic.id(), "News");
        sweep.sweep();
        assertTrue(mailsTo(quiet, NotificationKind.WATCHED_TOPIC).stream().allMatch(m -> m.suppressed),
                "an opted-out kind is never sent");
        assertEquals(0, mailsTo(leaver, NotificationKind.WATCHED_TOPIC).size());
    }

    /** A category watch mails new topics and posts of the category, one mail per topic; a suspended member gets none. */
    @Test
    void aCategoryWatchMailsEachTopicWithNewPostsOnce() {
        ForumCategory category = category(Visibility.MEMBERS);
        Member follower = poster("follower");
        Member suspended = poster("suspended");
        Member writerA = poster("writer");
        watches.watchCategory(follower.id, category.id());
        watches.watchCategory(suspended.id, category.id());
        db.update("update member set suspended_at = ? where id = ?", OffsetDateTime.now(ZoneOffset.UTC), suspended.id);
        Topic one = writer.startTopic(writerA.id, category.id(), "One " + id(), "First topic");
        Topic two = writer.startTopic(writerA.id, category.id(), "Two " + id(), "Second topic");
        writer.reply(writerA.id, two.id(), "More on two");
        sweep.sweep();
        List<Mail> mails = mailsTo(follower, NotificationKind.WATCHED_TOPIC);
        assertEquals(2, mails.size(), mails.toString());
        assertTrue(mails.stream().anyMatch(m -> m.subject.contains(one.title())));
        assertTrue(mails.stream().anyMatch(m -> m.subject.contains(two.title()) && m.body.contains("More on two")));
        assertEquals(0, mailsTo(suspended, NotificationKind.WATCHED_TOPIC).size());
        assertTrue(watches.watchesCategory(follower.id, category.id()));
    }

    /** An existing member's @name links to their page; an unknown name and one in code stay text; one mail, none to oneself, none again on edit. */
    @Test
    void aMentionLinksTheMemberAndMailsThemOnce() {
        ForumCategory category = category(Visibility.PUBLIC);
        Member author = poster("author");
        Member named = poster("named");
        Topic topic = writer.startTopic(author.id, category.id(), "Mentions " + id(),
                "Hello @" + named.username.toUpperCase(Locale.ROOT) + ", @nobody" + id() + " and me @" + author.username
                        + ". Not `@" + named.username + "` nor mail " + named.username + "@example.org\n\n    @" + named.username + " in a block\n");
        Post post = forum.topic(topic.id(), 1).posts().get(0).post();
        String html = post.bodyHtml();
        assertTrue(html.contains("<a href=\"/u/" + named.username + "\">&#64;" + named.username.toUpperCase(Locale.ROOT) + "</a>"), html);
        assertTrue(html.contains("&#64;nobody"), html);
        assertFalse(html.contains("/u/nobody"), html);
        assertTrue(html.contains("<code>&#64;" + named.username + "</code>"), html);
        assertTrue(html.contains("<pre><code>&#64;" + named.username + " in a block"), html);
        assertEquals(1, count(html, "/u/" + named.username + "\""), html);

        List<Mail> mails = mailsTo(named, NotificationKind.FORUM_MENTION);
        assertEquals(1, mails.size());
        assertTrue(mails.get(0).subject.startsWith(author.username + " mentioned you"), mails.get(0).subject);
        assertTrue(mails.get(0).body.contains(topic.path() + "#post-1"), mails.get(0).body);
        assertNoPersonalData(mails.get(0), author, named);
        assertEquals(0, mailsTo(author, NotificationKind.FORUM_MENTION).size(), "no mail for mentioning oneself");

        writer.edit(author.id, post.id(), "Edited, still for @" + named.username);
        assertEquals(1, mailsTo(named, NotificationKind.FORUM_MENTION).size(), "no second mail on edit");
        Member late = poster("late");
        writer.edit(author.id, post.id(), "Edited again for @" + named.username + " and @" + late.username);
        assertEquals(1, mailsTo(named, NotificationKind.FORUM_MENTION).size());
        assertEquals(1, mailsTo(late, NotificationKind.FORUM_MENTION).size(), "a name added by an edit is told");
    }

    /**
     * P-RELEASE-2, decision 0046: in a workgroup's discussion area mentions, reply notices and watch
     * mails go only to those the area's audience admits. A plain member mentioned there gets nothing,
     * not even a suppressed mail. A participant who leaves was mailed while taking part and, from then
     * on, gets no mention, no reply notice for a quoted post of theirs, and no mail from the watch of
     * the topic they posted in nor from their watch of the whole area. A topic watch of an outsider
     * (no page offers one; it is written straight) mails nothing. A participant mentioned and watching
     * beside them is told each time, so the test sees the mails working.
     */
    @Test
    void inAWorkgroupsAreaOnlyWhomItsAudienceAdmitsIsMailed_P_RELEASE_2() {
        Actor administrator = Actor.administrator(0);
        Workgroup group = workgroups.create(administrator, "Mailed group " + id(), "Talks in its own area.");
        Member author = participant(administrator, group, "author");
        Member fellow = participant(administrator, group, "fellow");
        Member leaver = participant(administrator, group, "leaver");
        Member outsider = poster("outsider");
        ForumCategory area = forums.categoryBySlug(group.forumSlug()).orElseThrow();

        Topic topic = writer.startTopic(author.id, area.id(), "Plan " + id(), "Who drafts what?");
        writer.reply(leaver.id, topic.id(), "I draft section two.");
        writer.reply(fellow.id, topic.id(), "I review it.");
        assertTrue(watches.watchesTopic(leaver.id, topic.id()), "posting watches the topic");
        watches.watchCategory(leaver.id, area.id());
        watches.watchCategory(fellow.id, area.id());
        sweep.sweep();
        assertEquals(1, mailsTo(leaver, NotificationKind.WATCHED_TOPIC).size(), "while taking part, the fellow's reply is mailed");
        int fellowWatchMails = mailsTo(fellow, NotificationKind.WATCHED_TOPIC).size();

        workgroups.leave(leaver.id, group.id());
        watches.watchTopic(outsider.id, topic.id());
        writer.reply(author.id, topic.id(), "> @" + leaver.username + " wrote:\n> I draft section two.\n\nThanks. @" + outsider.username
                + ", @" + leaver.username + " and @" + fellow.username + ", please read it.");
        Topic later = writer.startTopic(author.id, area.id(), "Later " + id(), "A new question for the group.");

        assertEquals(1, mailsTo(fellow, NotificationKind.FORUM_MENTION).size(), "a participant is told of the mention");
        assertEquals(List.of(), mailsTo(outsider, NotificationKind.FORUM_MENTION), "a plain member learns nothing of the area");
        assertEquals(List.of(), mailsTo(leaver, NotificationKind.FORUM_MENTION), "nor does one who left");
        assertEquals(List.of(), mailsTo(leaver, NotificationKind.FORUM_REPLY), "not even that their post was quoted");

        sweep.sweep();
        List<Mail> toFellow = mailsTo(fellow, NotificationKind.WATCHED_TOPIC);
        assertEquals(fellowWatchMails + 2, toFellow.size(), "the participant: the reply (topic watch) and the new topic (area watch)");
        assertTrue(toFellow.stream().anyMatch(m -> m.subject.contains(later.title())), toFellow.toString());
        assertEquals(1, mailsTo(leaver, NotificationKind.WATCHED_TOPIC).size(), "who left: nothing more, by topic or by area");
        assertEquals(List.of(), mailsTo(outsider, NotificationKind.WATCHED_TOPIC), "an outsider's watch mails nothing");
    }

    /** Quoting a post (as the Quote link prefills it) tells its author with one reply notice, not a mention. */
    @Test
    void quotingAPostSendsItsAuthorAReplyNotice() {
        ForumCategory category = category(Visibility.PUBLIC);
        Member quotedAuthor = poster("quoted");
        Member replier = poster("replier");
        Member third = poster("third");
        Topic topic = writer.startTopic(quotedAuthor.id, category.id(), "Quote me " + id(), "A wise remark for @" + third.username);
        assertEquals(1, mailsTo(third, NotificationKind.FORUM_MENTION).size());
        writer.reply(replier.id, topic.id(), "> @" + quotedAuthor.username + " wrote:\n> A wise remark for @" + third.username + "\n\nIndeed.");
        assertEquals(1, mailsTo(third, NotificationKind.FORUM_MENTION).size(), "a mention inside a quote is not told again");
        List<Mail> replies = mailsTo(quotedAuthor, NotificationKind.FORUM_REPLY);
        assertEquals(1, replies.size());
        assertTrue(replies.get(0).subject.startsWith(replier.username + " replied to your post"), replies.get(0).subject);
        assertTrue(replies.get(0).body.contains(topic.path() + "#post-2"), replies.get(0).body);
        assertNoPersonalData(replies.get(0), replier);
        assertEquals(0, mailsTo(quotedAuthor, NotificationKind.FORUM_MENTION).size());
    }

    /** Read state only rises; the category list's marker is "new", then "N new" from the first unread post. */
    @Test
    void readStateOnlyRisesAndGivesTheUnreadMarker() {
        ForumCategory category = category(Visibility.PUBLIC);
        Member reader = poster("reader");
        Member talker = poster("talker");
        Topic topic = writer.startTopic(talker.id, category.id(), "Long read " + id(), "Post 1");
        for (int i = 2; i <= 22; i++) {
            writer.reply(poster("voice").id, topic.id(), "Post " + i); // one member may post 6 a minute
        }
        writer.reply(talker.id, topic.id(), "Post 23");
        Topic fresh = forum.topic(topic.id(), 1).topic();
        assertTrue(watches.lastRead(reader.id, List.of(topic.id())).isEmpty());
        ForumViews.Unread never = ForumViews.Unread.of(fresh, null);
        assertTrue(never.neverOpened());

        watches.markRead(reader.id, topic.id(), 20);
        watches.markRead(reader.id, topic.id(), 3);
        Map<Long, Integer> read = watches.lastRead(reader.id, List.of(topic.id()));
        assertEquals(20, read.get(topic.id()), "never lowered");
        ForumViews.Unread unread = ForumViews.Unread.of(fresh, read.get(topic.id()));
        assertEquals(3, unread.count());
        assertEquals(topic.path() + "?page=2#post-21", unread.path());

        watches.markRead(reader.id, topic.id(), 23);
        assertNull(ForumViews.Unread.of(fresh, watches.lastRead(reader.id, List.of(topic.id())).get(topic.id())));
        assertEquals(23, watches.lastRead(talker.id, List.of(topic.id())).get(topic.id()), "posting reads up to one's post");
    }

    /** Anonymous pages keep their statements: 3 for a topic page, 3 for a category page. */
    @Test
    void anonymousPagesCostNoExtraStatements() {
        ForumCategory category = category(Visibility.PUBLIC);
        Member talker = poster("counted");
        Topic topic = writer.startTopic(talker.id, category.id(), "Counted " + id(), "Post");
        try (SqlStatementCounter counter = SqlStatementCounter.start(emf)) {
            assertEquals(3, counter.count(() -> forum.topic(topic.id(), 1)));
            assertEquals(3, counter.count(() -> forum.topics(category.slug(), 1)));
            assertEquals(0, counter.count(() -> forum.callerWatchesTopic(topic.id())));
        }
    }

    // ------------------------------------------------------------------ helpers

    private record Member(long id, String username, String realName, String email) {
    }

    private record Mail(String subject, String body, boolean suppressed) {
    }

    private static void assertNoPersonalData(Mail mail, Member... others) {
        for (Member other : others) {
            for (String secret : List.of(other.realName, other.email)) {
                assertFalse(mail.subject.contains(secret) || mail.body.contains(secret), "P-FORUM-1: " + secret + " in " + mail);
            }
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private ForumCategory category(Visibility visibility) {
        String id = id();
        return writer.createCategory(new CategoryDraft("Forum " + id, "watch-" + id, "About " + id, null, visibility, 10));
    }

    private List<Mail> mailsTo(Member member, NotificationKind kind) {
        return db.rows("select subject, body_text, suppressed_at from mail_outbox where recipient = ? and notification_kind = ? order by id",
                member.email, kind.name()).stream().map(mail -> new Mail(mail[0], mail[1], mail[2] != null)).toList();
    }

    /** A verified member who joined two days ago, accepted the policies in effect, with a distinctive real name and address. */
    private Member poster(String prefix) {
        String username = prefix + id().substring(0, 8);
        String realName = "Zenobia " + id().substring(0, 6) + " Quartermain";
        String email = "secret." + id().substring(0, 10) + "@private.example";
        OffsetDateTime joined = OffsetDateTime.now(ZoneOffset.UTC).minusDays(2);
        long id = new TestMembers(dataSource, policies).create(username, realName, email, joined, true);
        policies.accept(id, PolicyKind.FORUM_RULES, policies.current(PolicyKind.FORUM_RULES).orElseThrow().number(), "test");
        return new Member(id, username, realName, email);
    }

    /** A {@link #poster} who applied to the group, accepting its joining clause, and was approved. */
    private Member participant(Actor administrator, Workgroup group, String prefix) {
        Member member = poster(prefix);
        workgroups.approve(administrator, workgroups.apply(member.id, group.id(), true).id());
        return member;
    }

    private static String id() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
