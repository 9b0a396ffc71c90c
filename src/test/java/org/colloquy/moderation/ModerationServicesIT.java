package org.colloquy.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;

import org.colloquy.account.AccountService;
import org.colloquy.account.MemberSanctions;
import org.colloquy.account.PasswordHasher;
import org.colloquy.account.SanctionHistory;
import org.colloquy.account.SignInResult;
import org.colloquy.account.StaffAction;
import org.colloquy.account.StaffLog;
import org.colloquy.forum.CategoryDraft;
import org.colloquy.forum.ForumCategory;
import org.colloquy.forum.ForumService;
import org.colloquy.forum.ForumWriter;
import org.colloquy.forum.HeldPosts;
import org.colloquy.forum.NoSuchForumItemException;
import org.colloquy.forum.Post;
import org.colloquy.forum.PostingRefusedException;
import org.colloquy.forum.ReviewState;
import org.colloquy.forum.Topic;
import org.colloquy.forum.Visibility;
import org.colloquy.forum.web.AnonymousPageCache;
import org.colloquy.platform.persistence.DatabaseMigrator;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.policy.PolicyKind;
import org.colloquy.policy.PolicyPublisher;
import org.colloquy.policy.PolicyService;
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
 * Moderation inside the container, on the real database (P-FORUM-3): flags with their reasons and
 * the post hidden after enough of them, held posts seen by their author only, the review queue's
 * claims under concurrency, decisions told to authors and flaggers and written to the staff log,
 * and requests from members who do not moderate refused by the services themselves. Members are
 * written straight into the database, each test its own; moderators get their role there too.
 */
@ExtendWith(ArquillianExtension.class)
class ModerationServicesIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.portal().addClasses(TestMembers.class, TestDatabase.class);
    }

    @Resource(lookup = DatabaseMigrator.DATA_SOURCE)
    DataSource dataSource;

    @Resource
    ManagedExecutorService executor;

    @Inject
    TestDatabase db;

    @Inject
    ModerationService service;

    @Inject
    ModerationDesk desk;

    @Inject
    ForumService forum;

    @Inject
    ForumWriter writer;

    @Inject
    HeldPosts heldPosts;

    @Inject
    StaffLog staffLog;

    @Inject
    PolicyService policies;

    @Inject
    PolicyPublisher publisher;

    @Inject
    AnonymousPageCache pageCache;

    @Inject
    AccountService accounts;

    @Inject
    PasswordHasher hasher;

    @Inject
    MemberSanctions sanctions;

    @Inject
    org.colloquy.platform.demo.DemoSeeder seeder;

    @Inject
    org.colloquy.account.MemberDirectory directory;

    @Inject
    org.colloquy.account.AccountDeletion deletion;

    @Inject
    org.colloquy.notice.NoticeService noticeService;

    @Inject
    org.colloquy.forum.WatchNotifier watchNotifier;

    @BeforeEach
    void rulesInEffect() {
        TestMembers.forumRulesInEffect(policies, publisher);
    }

    /** P-FORUM-3: a crafted request from someone who does not moderate changes nothing, whichever door it comes through. */
    @Test
    void nonModeratorsAreRefusedEveryModeratorAction_P_FORUM_3() {
        long author = poster("victim", 10);
        long member = poster("crafty", 10);
        Topic topic = writer.startTopic(author, category().id(), "Keep me " + id(), "A post nobody may hide");
        long postId = firstPost(topic);
        Flag flag = desk.flag(member, postId, FlagReason.OFF_TOPIC, null);
        long item = itemOf(postId, "FLAGGED");

        // Not signed in: the container refuses the service before it runs.
        assertThrows(EJBException.class, () -> service.queue(null, null, null));
        assertThrows(EJBException.class, () -> service.claim(item));
        assertThrows(EJBException.class, () -> service.decide(item, Decision.HIDE, FlagReason.ABUSIVE, "because"));
        assertThrows(EJBException.class, () -> service.topic(topic.id(), TopicAction.LOCK, "because"));
        assertThrows(EJBException.class, () -> service.note(item, "a note"));
        // Signed in as a plain member: the desk and the forum check the role in the database.
        assertThrows(ModerationRefusedException.class, () -> desk.queue(member, null, null, null));
        assertThrows(ModerationRefusedException.class, () -> desk.claim(member, item));
        assertThrows(ModerationRefusedException.class, () -> desk.decide(member, item, Decision.HIDE, FlagReason.ABUSIVE, "because"));
        assertThrows(ModerationRefusedException.class, () -> desk.topic(member, topic.id(), TopicAction.LOCK, "because"));
        assertThrows(ModerationRefusedException.class, () -> desk.note(member, item, "a note"));
        assertThrows(PostingRefusedException.class, () -> writer.review(member, postId, ReviewState.HIDDEN));
        assertThrows(PostingRefusedException.class, () -> writer.deleteAsModerator(member, postId));
        assertThrows(PostingRefusedException.class, () -> writer.setTopicState(member, topic.id(), true, true));

        assertTrue(forum.topic(topic.id(), 1).posts().get(0).post().isVisible());
        assertFalse(forum.topic(topic.id(), 1).topic().isLocked());
        assertEquals(0, db.number("select count(*) from moderation_item where id = ? and claimed_by is not null", item));
        assertTrue(staffLog.on(ModerationDesk.detail(postId)).isEmpty(), "nothing was logged");
        assertTrue(flag.isOpen());
    }

    /** P-FORUM-3, P-FORUM-2: flags name a rule; "other" needs words; one open flag per member and post; not your own. */
    @Test
    void aFlagNamesARuleAndCountsOncePerMember_P_FORUM_2() {
        long author = poster("flagged", 10);
        long flagger = poster("flagger", 10);
        Topic topic = writer.startTopic(author, category().id(), "Flag me " + id(), "Buy cheap watches");
        long postId = firstPost(topic);

        InvalidInputException noReason = assertThrows(InvalidInputException.class, () -> desk.flag(flagger, postId, null, "x"));
        assertEquals("Choose what is wrong with the post.", noReason.problems().get("reason"));
        InvalidInputException noWords = assertThrows(InvalidInputException.class, () -> desk.flag(flagger, postId, FlagReason.OTHER, "  "));
        assertTrue(noWords.problems().containsKey("explanation"), noWords.problems().toString());
        assertThrows(ModerationRefusedException.class, () -> desk.flag(author, postId, FlagReason.ADVERTISING, null));

        desk.flag(flagger, postId, FlagReason.ADVERTISING, null);
        ModerationRefusedException again = assertThrows(ModerationRefusedException.class,
                () -> desk.flag(flagger, postId, FlagReason.ABUSIVE, null));
        assertEquals("You have already flagged this post. The moderators will tell you what they decide.", again.getMessage());
        assertEquals(1, db.number("select count(*) from moderation_flag where post_id = ?", postId));
        assertEquals(1, db.number("select flag_count from moderation_item where post_id = ? and kind = 'FLAGGED'", postId));
    }

    /**
     * P-FORUM-3: a post disappears from public view once three members who joined at least three
     * days ago have flagged it (a brand-new member's flag does not count towards that), the cached
     * anonymous pages of its topic are evicted, the author is told why, and the staff log says so.
     */
    @Test
    void aPostIsHiddenAfterFlagsFromDistinctEstablishedMembers_P_FORUM_3() {
        long author = poster("rude", 10);
        Topic topic = writer.startTopic(author, category().id(), "Rude " + id(), "A perfectly rude post " + id());
        long postId = firstPost(topic);
        writer.reply(author, topic.id(), "A second, harmless post");

        desk.flag(poster("newbie", 0), postId, FlagReason.ABUSIVE, null);
        desk.flag(poster("first", 10), postId, FlagReason.ABUSIVE, null);
        desk.flag(poster("second", 10), postId, FlagReason.OTHER, "Insults another member");
        assertTrue(post(topic, 1).isPresent(), "three flags, but only two from established members");

        fill(List.of(topic.path(1)));
        desk.flag(poster("third", 10), postId, FlagReason.HATEFUL_OR_HARASSING, null);

        assertTrue(post(topic, 1).isEmpty(), "hidden from everyone but its author");
        assertTrue(post(topic, 2).isPresent());
        assertTrue(pageCache.get(topic.path(1), System.nanoTime()).isEmpty(), "the cached anonymous page is gone");
        assertThrows(NoSuchForumItemException.class, () -> forum.post(postId));
        List<StaffAction> log = staffLog.on(ModerationDesk.detail(postId));
        assertEquals(1, log.size());
        assertEquals(StaffAction.Kind.HIDE_POST_BY_FLAGS, log.get(0).kind());
        assertEquals(null, log.get(0).actorId());
        List<String> mail = mailTo(author);
        assertEquals(1, mail.size(), mail.toString());
        assertTrue(mail.get(0).contains("is hidden until a moderator reviews it"), mail.get(0));
        assertTrue(mail.get(0).contains("Why it was flagged: Abusive"), mail.get(0));
        assertEquals(1, db.number("select count(*) from moderation_item where post_id = ? and decided_at is null", postId));

        // A moderator reviews it and shows it again: the flags are declined, each flagger is told.
        long moderator = moderator("restorer");
        desk.decide(moderator, itemOf(postId, "FLAGGED"), Decision.RESTORE, null, "Robust, not abusive");
        assertTrue(post(topic, 1).isPresent());
        assertEquals(List.of(StaffAction.Kind.RESTORE_POST, StaffAction.Kind.HIDE_POST_BY_FLAGS),
                staffLog.on(ModerationDesk.detail(postId)).stream().map(StaffAction::kind).toList());
        assertEquals(4, db.number("select count(*) from moderation_flag where post_id = ? and outcome = 'DECLINED'", postId));
        assertTrue(mailTo(author).get(1).contains("shows it again"), mailTo(author).toString());
    }

    /**
     * P-FORUM-3: a moderator claims a flagged item and hides the post with a rule and their words;
     * the author is told what, why and how to appeal; each flagger is told the outcome; another
     * moderator cannot decide the claimed item; a second moderator later restores it; every step
     * is in the staff log.
     */
    @Test
    void aModeratorHidesAFlaggedPostAndAnotherRestoresIt_P_FORUM_3() {
        long author = poster("author", 10);
        long flagger = poster("reporter", 10);
        long moderator = moderator("mod");
        long other = moderator("othermod");
        Topic topic = writer.startTopic(author, category().id(), "Decide " + id(), "My neighbour's phone number is 555");
        long postId = firstPost(topic);
        desk.flag(flagger, postId, FlagReason.PRIVACY_INVADING, null);
        long item = itemOf(postId, "FLAGGED");

        assertEquals(List.of(item), desk.queue(moderator, ReviewItem.Kind.FLAGGED, FlagReason.PRIVACY_INVADING, null).stream()
                .map(ReviewItem::id).filter(i -> i == item).toList());
        assertTrue(desk.queue(moderator, ReviewItem.Kind.FLAGGED, FlagReason.PRIVACY_INVADING, java.time.Duration.ofHours(1))
                .stream().noneMatch(i -> i.id() == item), "not an hour old yet");
        desk.claim(moderator, item);
        desk.note(moderator, item, "Checked: a real number");
        assertThrows(ModerationRefusedException.class, () -> desk.decide(other, item, Decision.APPROVE, null, "Looks fine"));
        InvalidInputException noRule = assertThrows(InvalidInputException.class,
                () -> desk.decide(moderator, item, Decision.HIDE, null, "Personal data"));
        assertTrue(noRule.problems().containsKey("category"));
        assertThrows(InvalidInputException.class, () -> desk.decide(moderator, item, Decision.HIDE, FlagReason.PRIVACY_INVADING, " "));

        desk.decide(moderator, item, Decision.HIDE, FlagReason.PRIVACY_INVADING, "Phone numbers of others are not allowed");
        assertTrue(post(topic, 1).isEmpty());
        assertThrows(ModerationRefusedException.class,
                () -> desk.decide(moderator, item, Decision.HIDE, FlagReason.PRIVACY_INVADING, "Twice"), "decided once");
        List<String> toAuthor = mailTo(author);
        assertEquals(1, toAuthor.size());
        assertTrue(toAuthor.get(0).contains("Why: Invades someone's privacy"), toAuthor.get(0));
        assertTrue(toAuthor.get(0).contains("In the moderator's words: Phone numbers of others are not allowed"), toAuthor.get(0));
        assertTrue(toAuthor.get(0).contains("How to appeal"), toAuthor.get(0));
        List<String> toFlagger = mailTo(flagger);
        assertEquals(1, toFlagger.size());
        assertTrue(toFlagger.get(0).contains("A moderator agreed with you"), toFlagger.get(0));
        assertEquals(0, db.number("select count(*) from moderation_flag where post_id = ? and open_post_id is not null", postId));

        List<StaffAction> log = staffLog.on(ModerationDesk.detail(postId));
        assertEquals(List.of(StaffAction.Kind.HIDE_POST), log.stream().map(StaffAction::kind).toList());
        assertEquals(moderator, log.get(0).actorId());
        assertTrue(log.get(0).reason().startsWith("Invades someone's privacy: Phone numbers"), log.get(0).reason());
        assertTrue(toAuthor.get(0).contains("/forum/appeal?post=" + postId), toAuthor.get(0));

        // The author appeals once; the moderator who hid it may not decide the appeal; another restores the post.
        assertThrows(ModerationRefusedException.class, () -> desk.appeal(flagger, postId, "Not my post, but still"));
        assertThrows(InvalidInputException.class, () -> desk.appeal(author, postId, " "));
        ReviewItem appeal = desk.appeal(author, postId, "It is the shop's public number, printed on its door");
        ModerationRefusedException twice = assertThrows(ModerationRefusedException.class, () -> desk.appeal(author, postId, "Again"));
        assertEquals("You have already appealed this decision. A moderator will tell you the outcome.", twice.getMessage());
        ModerationRefusedException same = assertThrows(ModerationRefusedException.class,
                () -> desk.decide(moderator, appeal.id(), Decision.RESTORE, null, "I change my mind"));
        assertTrue(same.getMessage().startsWith("A different moderator decides an appeal"), same.getMessage());
        desk.decide(other, appeal.id(), Decision.RESTORE, null, "A public business number is not personal data");
        assertTrue(post(topic, 1).isPresent(), "restored on appeal");
        List<String> afterAppeal = mailTo(author);
        assertTrue(afterAppeal.get(afterAppeal.size() - 1).contains("was granted"), afterAppeal.toString());
        assertEquals(List.of(StaffAction.Kind.GRANT_APPEAL, StaffAction.Kind.HIDE_POST),
                staffLog.on(ModerationDesk.detail(postId)).stream().map(StaffAction::kind).toList());
        assertEquals(other, staffLog.on(ModerationDesk.detail(postId)).get(0).actorId());
    }

    /** P-FORUM-3: of two moderators claiming the same item at the same moment, exactly one gets it. */
    @Test
    void concurrentClaimsGiveAnItemToExactlyOneModerator_P_FORUM_3() throws Exception {
        long author = poster("claimed", 10);
        Topic topic = writer.startTopic(author, category().id(), "Claim " + id(), "Contested");
        long postId = firstPost(topic);
        desk.flag(poster("claimflag", 10), postId, FlagReason.OFF_TOPIC, null);
        long item = itemOf(postId, "FLAGGED");
        long[] moderators = {moderator("race1"), moderator("race2"), moderator("race3")};

        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> claims = new ArrayList<>();
        for (long m : moderators) {
            Callable<Boolean> claim = () -> {
                start.await();
                try {
                    desk.claim(m, item);
                    return true;
                } catch (ModerationRefusedException e) {
                    return false;
                }
            };
            claims.add(executor.submit(claim));
        }
        start.countDown();
        int won = 0;
        for (Future<Boolean> claim : claims) {
            won += claim.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertEquals(1, won);
        assertEquals(1, db.number("select count(*) from moderation_item where id = ? and claimed_by is not null", item));
    }

    /**
     * P-FORUM-3: a new member's first posts wait for approval: the author sees them marked, nobody
     * else does (not anonymous readers, so the anonymous page cache never holds them, not other
     * members, not the topic list for a held topic); a moderator approves and they appear.
     */
    @Test
    void heldPostsAreSeenByTheirAuthorOnlyUntilApproved_P_FORUM_3() {
        long regular = poster("regular", 10);
        long moderator = moderator("approver");
        ForumCategory category = category();
        Topic topic = writer.startTopic(regular, category.id(), "Welcome " + id(), "Say hello");
        heldPosts.setCount(2);
        try {
            long newcomer = poster("newcomer", 2);
            Post reply = writer.reply(newcomer, topic.id(), "Hello, I am new " + id());
            assertTrue(reply.isHeld());
            assertEquals(Long.valueOf(regular), forum.topic(topic.id(), 1).topic().lastAuthorId(), "a held post is not the latest");
            Topic ownTopic = writer.startTopic(newcomer, category.id(), "My first topic " + id(), "Held too");
            Post third = writer.reply(newcomer, topic.id(), "Third post goes straight up");
            assertTrue(third.isVisible(), "only the first two are held");

            fill(List.of(topic.path(1)));
            assertTrue(forum.topic(topic.id(), 1).posts().stream().noneMatch(r -> r.post().id().equals(reply.id())),
                    "anonymous readers do not see it");
            assertTrue(forum.topics(category.slug(), 1).topics().stream().noneMatch(r -> r.topic().id().equals(ownTopic.id())));
            assertThrows(NoSuchForumItemException.class, () -> forum.topic(ownTopic.id(), 1));
            assertThrows(NoSuchForumItemException.class, () -> forum.post(reply.id()));
            assertEquals(2, db.number("select count(*) from moderation_item where author_id = ? and kind = 'HELD' and decided_at is null",
                    newcomer));

            long item = itemOf(reply.id(), "HELD");
            desk.claim(moderator, item);
            desk.decide(moderator, item, Decision.APPROVE, null, "Friendly introduction");
            assertTrue(pageCache.get(topic.path(1), System.nanoTime()).isEmpty(), "approving evicts the topic's cached page");
            assertTrue(forum.topic(topic.id(), 1).posts().stream().anyMatch(r -> r.post().id().equals(reply.id())));
            assertEquals(StaffAction.Kind.APPROVE_POST, staffLog.on(ModerationDesk.detail(reply.id())).get(0).kind());
            assertTrue(mailTo(newcomer).stream().anyMatch(m -> m.contains("A moderator approved your post")), mailTo(newcomer).toString());
        } finally {
            heldPosts.setCount(0);
        }
    }

    /** Locking and pinning a topic are moderator actions with a reason, in the staff log. */
    @Test
    void aModeratorLocksAndPinsATopicWithAReason() {
        long author = poster("topicauthor", 10);
        long moderator = moderator("locker");
        ForumCategory category = category();
        Topic topic = writer.startTopic(author, category.id(), "Heated " + id(), "Argument");
        assertThrows(InvalidInputException.class, () -> desk.topic(moderator, topic.id(), TopicAction.LOCK, ""));
        desk.topic(moderator, topic.id(), TopicAction.LOCK, "Cooling down");
        desk.topic(moderator, topic.id(), TopicAction.PIN, "Important");
        Topic after = forum.topic(topic.id(), 1).topic();
        assertTrue(after.isLocked());
        assertTrue(after.isPinned());
        assertThrows(PostingRefusedException.class, () -> writer.reply(author, topic.id(), "More"));
        assertEquals(List.of(StaffAction.Kind.PIN_TOPIC, StaffAction.Kind.LOCK_TOPIC),
                staffLog.on("topic " + topic.id()).stream().map(StaffAction::kind).toList());
    }

    private java.util.Optional<Post> post(Topic topic, int number) {
        return forum.topic(topic.id(), 1).posts().stream().map(r -> r.post()).filter(p -> p.number() == number).findFirst();
    }

    private long firstPost(Topic topic) {
        return forum.topic(topic.id(), 1).posts().get(0).post().id();
    }

    private long itemOf(long postId, String kind) {
        return db.number("select id from moderation_item where post_id = ? and kind = '" + kind + "' and decided_at is null", postId);
    }

    /** Issue 7: a silenced member may not post or reply until the end, is told until when and why, and the silence ends by itself. */
    @Test
    void aSilencedMemberCannotPostUntilTheEndAndTheSilenceExpires_P_FORUM_3() {
        long member = poster("loud", 10);
        long moderator = moderator("silencer");
        ForumCategory category = category();
        Topic topic = writer.startTopic(member, category.id(), "Before " + id(), "Still allowed");
        OffsetDateTime until = OffsetDateTime.now(ZoneOffset.UTC).plusDays(3);

        InvalidInputException bad = assertThrows(InvalidInputException.class,
                () -> desk.sanction(moderator, member, Sanction.SILENCE, null, " ", until.minusDays(5)));
        assertTrue(bad.problems().containsKey("category"), bad.problems().toString());
        assertTrue(bad.problems().containsKey("words"), bad.problems().toString());
        assertEquals("The end must be in the future.", bad.problems().get("until"));
        assertTrue(desk.sanction(moderator, member, Sanction.SILENCE, FlagReason.ABUSIVE, "Cool down, please", until));

        PostingRefusedException refused = assertThrows(PostingRefusedException.class,
                () -> writer.reply(member, topic.id(), "One more thing"));
        assertTrue(refused.getMessage().contains(MemberSanctions.when(until)), refused.getMessage());
        assertTrue(refused.getMessage().contains("Abusive: Cool down, please"), refused.getMessage());
        assertThrows(PostingRefusedException.class, () -> writer.startTopic(member, category.id(), "New " + id(), "Text"));
        List<String> mails = mailTo(member);
        assertTrue(mails.get(mails.size() - 1).startsWith("You cannot post on"), mails.toString());
        assertTrue(mails.get(mails.size() - 1).contains("Why: Abusive: Cool down, please"), mails.toString());
        assertEquals(List.of(StaffAction.Kind.SILENCE), kinds(member));

        db.update("update member set silenced_until = current_timestamp - interval '1' minute where id = ?", member);
        writer.reply(member, topic.id(), "Back again, politely");
        assertEquals(2, forum.topic(topic.id(), 1).posts().size(), "the silence ended by itself");
    }

    /** Issue 7: a suspended member cannot sign in and is told why and until when; sessions end; the suspension ends by itself. */
    @Test
    void aSuspensionBlocksSignInWithReasonAndEndAndExpires_P_FORUM_3() {
        long member = poster("suspect", 10);
        long moderator = moderator("suspender");
        String username = sanctions.standing(member).username();
        setPassword(member, "violet harbor lantern copper");
        String address = "198.51.100." + (1 + (int) (Math.random() * 250));
        assertEquals(SignInResult.Status.SIGNED_IN, accounts.signIn(username, "violet harbor lantern copper".toCharArray(), address).status());
        db.update("insert into member_session (id, member_id, client, address, created_at, last_seen_at) values ('s-" + id()
                + "', ?, 'test', '127.0.0.1', current_timestamp, current_timestamp)", member);
        OffsetDateTime until = OffsetDateTime.now(ZoneOffset.UTC).plusDays(7).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

        desk.sanction(moderator, member, Sanction.SUSPEND, FlagReason.HATEFUL_OR_HARASSING, "Repeated insults", until);
        SignInResult result = accounts.signIn(username, "violet harbor lantern copper".toCharArray(), address);
        assertEquals(SignInResult.Status.SUSPENDED, result.status());
        assertTrue(result.suspensionReason().contains("Repeated insults"), result.suspensionReason());
        assertEquals(until.toInstant(), result.suspendedUntil().toInstant());
        assertEquals(0, db.number("select count(*) from member_session where member_id = ? and ended_at is null", member), "sessions ended");
        List<String> mails = mailTo(member);
        assertTrue(mails.get(mails.size() - 1).contains("suspended your account until " + MemberSanctions.when(until)), mails.toString());

        db.update("update member set suspended_until = current_timestamp - interval '1' minute where id = ?", member);
        assertEquals(SignInResult.Status.SIGNED_IN, accounts.signIn(username, "violet harbor lantern copper".toCharArray(), address).status(),
                "the suspension ended by itself");
    }

    /** Issue 7: a moderator lifts a silence and a suspension early with words; logged, and the member told. Warnings are mailed and logged. */
    @Test
    void aModeratorWarnsAndLiftsSanctionsEarly() {
        long member = poster("lifted", 10);
        long moderator = moderator("lifter");
        Topic topic = writer.startTopic(member, category().id(), "Lift " + id(), "First");
        OffsetDateTime until = OffsetDateTime.now(ZoneOffset.UTC).plusDays(2);

        desk.sanction(moderator, member, Sanction.WARN, FlagReason.OFF_TOPIC, "Stay on topic", null);
        List<String> warned = mailTo(member);
        assertTrue(warned.get(warned.size() - 1).contains("Why: Off-topic: Stay on topic"), warned.toString());
        assertFalse(desk.sanction(moderator, member, Sanction.LIFT_SILENCE, null, "Nothing to lift", null));
        assertThrows(InvalidInputException.class, () -> desk.sanction(moderator, member, Sanction.LIFT_SILENCE, null, " ", null));
        desk.sanction(moderator, member, Sanction.SILENCE, FlagReason.OFF_TOPIC, "Again off topic", until);
        desk.sanction(moderator, member, Sanction.SUSPEND, FlagReason.OFF_TOPIC, "And again", until);
        assertTrue(sanctions.standing(member).suspended());

        assertTrue(desk.sanction(moderator, member, Sanction.LIFT_SILENCE, null, "Apologised", null));
        assertTrue(desk.sanction(moderator, member, Sanction.LIFT_SUSPENSION, null, "Apologised sincerely", null));
        MemberSanctions.Standing standing = sanctions.standing(member);
        assertFalse(standing.suspended());
        assertEquals(null, standing.silencedUntil());
        writer.reply(member, topic.id(), "Thank you");
        List<String> mails = mailTo(member);
        assertTrue(mails.get(mails.size() - 1).contains("lifted your suspension early"), mails.toString());
        assertTrue(mails.get(mails.size() - 2).contains("lifted your silence early"), mails.toString());
        assertEquals(List.of(StaffAction.Kind.REINSTATE, StaffAction.Kind.LIFT_SILENCE, StaffAction.Kind.SUSPEND, StaffAction.Kind.SILENCE,
                StaffAction.Kind.WARN), kinds(member));
    }

    /** Issue 7: a crafted sanction from a member who does not moderate changes nothing, whichever door it comes through. */
    @Test
    void nonModeratorsCannotSanction_P_FORUM_3() {
        long member = poster("target", 10);
        long crafty = poster("notmod", 10);
        OffsetDateTime until = OffsetDateTime.now(ZoneOffset.UTC).plusDays(2);
        assertThrows(EJBException.class, () -> service.sanction(member, Sanction.SUSPEND, FlagReason.ABUSIVE, "because", until));
        assertThrows(ModerationRefusedException.class,
                () -> desk.sanction(crafty, member, Sanction.SUSPEND, FlagReason.ABUSIVE, "because", until));
        assertThrows(ModerationRefusedException.class, () -> desk.standing(crafty, "anyone"));
        long otherModerator = moderator("peer");
        long moderator = moderator("rogue");
        assertThrows(ModerationRefusedException.class,
                () -> desk.sanction(moderator, otherModerator, Sanction.SUSPEND, FlagReason.ABUSIVE, "because", until), "not on staff");
        assertThrows(ModerationRefusedException.class,
                () -> desk.sanction(moderator, moderator, Sanction.WARN, FlagReason.ABUSIVE, "because", null), "not on oneself");
        assertTrue(kinds(otherModerator).isEmpty());
        assertThrows(EJBException.class, () -> sanctions.silence(crafty, member, until, "because"));
        assertThrows(EJBException.class, () -> sanctions.suspend(crafty, member, until, "because"));
        MemberSanctions.Standing standing = sanctions.standing(member);
        assertFalse(standing.suspended());
        assertEquals(null, standing.silencedUntil());
        assertTrue(kinds(member).isEmpty());
        assertTrue(mailTo(member).isEmpty());
    }

    /**
     * P-FORUM-3, issue 7, decision 0052: the member page's sanction history lists a member's warnings,
     * silences and suspensions newest first, each with the rule, the moderator's words, who decided (by
     * username) and what became of it: a warning given, a silence lifted early (when, by whom, why), a
     * suspension active and then ended on its date (the member row's end, the moment sign-in sees it).
     * Nothing in it carries a real name or an address; a member who does not moderate is refused
     * whichever door they use.
     */
    @Test
    void theSanctionHistoryShowsEachSanctionsStateToModeratorsOnly_P_FORUM_3() {
        long member = poster("history", 10);
        long moderator = moderator("warner");
        long lifter = moderator("lifter");
        long crafty = poster("peeker", 10);
        String username = sanctions.standing(member).username();
        assertTrue(desk.sanctionHistory(moderator, member).sanctions().isEmpty(), "none yet");
        assertFalse(desk.sanctionHistory(moderator, member).more());

        OffsetDateTime silenceEnd = OffsetDateTime.now(ZoneOffset.UTC).plusDays(3).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        OffsetDateTime suspensionEnd = OffsetDateTime.now(ZoneOffset.UTC).plusDays(5).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        desk.sanction(moderator, member, Sanction.WARN, FlagReason.OFF_TOPIC, "Stay on topic", null);
        desk.sanction(moderator, member, Sanction.SILENCE, FlagReason.ABUSIVE, "Cool down", silenceEnd);
        desk.sanction(lifter, member, Sanction.LIFT_SILENCE, null, "Apologised to everyone", null);
        desk.sanction(moderator, member, Sanction.SUSPEND, FlagReason.THREATENING, "Threats in a reply", suspensionEnd);

        List<ModerationDesk.PastSanction> history = desk.sanctionHistory(moderator, member).sanctions();
        assertEquals(List.of(Sanction.SUSPEND, Sanction.SILENCE, Sanction.WARN), history.stream().map(ModerationDesk.PastSanction::kind).toList());
        ModerationDesk.PastSanction suspension = history.get(0);
        assertEquals(SanctionHistory.State.ACTIVE, suspension.state());
        assertEquals(suspensionEnd.toInstant(), suspension.until().toInstant());
        assertEquals(FlagReason.THREATENING, suspension.category());
        assertEquals("Threats in a reply", suspension.words());
        assertEquals(sanctions.standing(moderator).username(), suspension.decidedBy());
        ModerationDesk.PastSanction silence = history.get(1);
        assertEquals(SanctionHistory.State.LIFTED, silence.state());
        assertEquals(silenceEnd.toInstant(), silence.until().toInstant());
        assertEquals(FlagReason.ABUSIVE, silence.category());
        assertEquals("Cool down", silence.words());
        assertEquals(sanctions.standing(lifter).username(), silence.liftedBy());
        assertEquals("Apologised to everyone", silence.liftWords());
        assertTrue(silence.endedAt().isBefore(silenceEnd) && silence.endedAt().isAfter(silence.at()), silence.toString());
        ModerationDesk.PastSanction warning = history.get(2);
        assertEquals(SanctionHistory.State.GIVEN, warning.state());
        assertEquals(FlagReason.OFF_TOPIC, warning.category());
        assertEquals("Stay on topic", warning.words());
        assertEquals(null, warning.until());
        String everything = history.toString();
        assertFalse(everything.contains("Real Name") || everything.contains("@example.org"), "usernames only: " + everything);

        // The suspension's days pass: ended on the date the member row reached.
        db.update("update member set suspended_until = current_timestamp - interval '1' minute where id = ?", member);
        ModerationDesk.PastSanction ended = desk.sanctionHistory(moderator, member).sanctions().get(0);
        assertEquals(SanctionHistory.State.ENDED, ended.state());
        assertTrue(ended.endedAt().isBefore(OffsetDateTime.now(ZoneOffset.UTC)), ended.toString());
        assertEquals(suspensionEnd.toInstant(), ended.until().toInstant(), "the end decided stays as it was");

        // Not signed in, the container refuses; a plain member is refused by the desk and by the account context.
        assertThrows(EJBException.class, () -> service.sanctionHistory(username));
        assertThrows(EJBException.class, () -> service.member(username));
        assertThrows(ModerationRefusedException.class, () -> desk.sanctionHistory(crafty, member));
        assertThrows(EJBException.class, () -> sanctions.history(crafty, member, 20));
    }

    /**
     * Decision 0052: the demo, as the portal seeds it, gives morgan a sanction history to read on sam's
     * page (a warning given, a silence lifted early by morgan) and sam the notices that went with them.
     */
    @Test
    void theDemoGivesSamASanctionHistoryAndItsNotices_P_FORUM_3() {
        // The whole demo, once per database, whatever other tests seeded before.
        seeder.seedAll();
        assertTrue(seeder.seededNames().contains("moderation-sanctions"), seeder.seededNames().toString());
        long morgan = directory.idOf(SanctionDemoContent.MODERATOR).orElseThrow();
        long sam = directory.idOf(SanctionDemoContent.MEMBER).orElseThrow();

        List<ModerationDesk.PastSanction> history = desk.sanctionHistory(morgan, sam).sanctions();
        assertEquals(List.of(Sanction.SILENCE, Sanction.WARN), history.stream().map(ModerationDesk.PastSanction::kind).toList());
        assertEquals(SanctionHistory.State.LIFTED, history.get(0).state());
        assertEquals("morgan", history.get(0).liftedBy());
        assertEquals(SanctionDemoContent.STEPS.get(2).words(), history.get(0).liftWords());
        assertEquals(SanctionHistory.State.GIVEN, history.get(1).state());
        assertEquals(FlagReason.ADVERTISING, history.get(1).category());
        assertEquals("morgan", history.get(1).decidedBy());
        assertFalse(sanctions.standing(sam).suspended() || sanctions.standing(sam).silencedUntil() != null, "sam may post");
        assertEquals(3, db.number("select count(*) from notice where member_id = ? and kind = 'SANCTION'", sam));
    }

    /**
     * P-FORUM-3, issue 7: a moderator edits a post with a rule and words; the earlier text is kept as
     * a staff-only revision whose word diff shows what changed; search finds the new text; the author
     * is told by mail and notice (what, why, how to appeal) and appeals once; a different moderator
     * grants it and the earlier text is back. A crafted edit from a member who does not moderate
     * changes nothing, whichever door it comes through.
     */
    @Test
    void aModeratorEditsAPostWithAReasonKeepingTheDiffAndTheAuthorAppeals_P_FORUM_3() {
        long author = poster("edited", 10);
        long crafty = poster("crafter", 10);
        long moderator = moderator("editor");
        long other = moderator("second");
        String phone = "555" + id().substring(0, 6);
        Topic topic = writer.startTopic(author, category().id(), "Edit me " + id(), "Call my neighbour at " + phone + " tonight");
        long postId = firstPost(topic);

        assertThrows(EJBException.class, () -> service.editPost(postId, "Hacked", FlagReason.OTHER, "because"));
        assertThrows(ModerationRefusedException.class, () -> desk.edit(crafty, postId, "Hacked", FlagReason.OTHER, "because"));
        assertThrows(PostingRefusedException.class, () -> writer.editAsModerator(crafty, postId, "Hacked"));
        assertThrows(ModerationRefusedException.class, () -> desk.history(crafty, postId));
        InvalidInputException missing = assertThrows(InvalidInputException.class, () -> desk.edit(moderator, postId, " ", null, " "));
        assertEquals(java.util.Set.of("body", "category", "words"), missing.problems().keySet());
        assertTrue(post(topic, 1).orElseThrow().bodyMarkdown().contains(phone), "nothing changed");
        assertTrue(desk.history(moderator, postId).revisions().isEmpty());

        desk.edit(moderator, postId, "Call my neighbour at [number removed] tonight", FlagReason.PRIVACY_INVADING,
                "Phone numbers of others are not allowed");
        Post edited = post(topic, 1).orElseThrow();
        assertEquals("Call my neighbour at [number removed] tonight", edited.bodyMarkdown());
        assertFalse(edited.bodyHtml().contains(phone));
        ModerationDesk.PostHistory history = desk.history(moderator, postId);
        assertEquals(1, history.revisions().size());
        assertEquals(org.colloquy.forum.PostRevision.Reason.MODERATED, history.revisions().get(0).reason());
        assertTrue(history.revisions().get(0).bodyMarkdown().contains(phone), "the earlier text is kept for staff");
        assertEquals(List.of(new TextDiff.Run(TextDiff.Change.KEPT, "Call my neighbour at "), new TextDiff.Run(TextDiff.Change.REMOVED, phone + " "),
                new TextDiff.Run(TextDiff.Change.ADDED, "[number removed] "), new TextDiff.Run(TextDiff.Change.KEPT, "tonight")),
                TextDiff.between(history.revisions().get(0).bodyMarkdown(), history.post().post().bodyMarkdown()));
        assertEquals(0, db.number("select count(*) from forum_post where id = ? and body_text like '%" + phone + "%'", postId),
                "search reads the new text");

        List<StaffAction> log = staffLog.on(ModerationDesk.detail(postId));
        assertEquals(List.of(StaffAction.Kind.EDIT_POST), log.stream().map(StaffAction::kind).toList());
        assertEquals("Invades someone's privacy: Phone numbers of others are not allowed", log.get(0).reason());
        List<String> toAuthor = mailTo(author);
        assertEquals(1, toAuthor.size(), toAuthor.toString());
        assertTrue(toAuthor.get(0).contains("was edited by a moderator"), toAuthor.get(0));
        assertTrue(toAuthor.get(0).contains("In the moderator's words: Phone numbers of others are not allowed"), toAuthor.get(0));
        assertTrue(toAuthor.get(0).contains("/forum/appeal?post=" + postId), toAuthor.get(0));
        assertEquals(List.of("MODERATION /forum/appeal?post=" + postId), notices(author));
        assertTrue(noticeBodies(author).get(0).contains("Why: Invades someone's privacy"), noticeBodies(author).toString());

        // One appeal; the editor may not decide it; another moderator grants it and the text is back.
        desk.appeal(author, postId, "It is the number of my shop, printed on its door");
        assertThrows(ModerationRefusedException.class, () -> desk.appeal(author, postId, "Again"));
        long appeal = itemOf(postId, "APPEAL");
        assertThrows(ModerationRefusedException.class, () -> desk.decide(moderator, appeal, Decision.RESTORE, null, "Fine"));
        desk.decide(other, appeal, Decision.RESTORE, null, "A shop's number is public");
        assertEquals("Call my neighbour at " + phone + " tonight", post(topic, 1).orElseThrow().bodyMarkdown());
        assertEquals(List.of(org.colloquy.forum.PostRevision.Reason.MODERATED, org.colloquy.forum.PostRevision.Reason.RESTORED),
                desk.history(other, postId).revisions().stream().map(org.colloquy.forum.PostRevision::reason).toList());
        assertTrue(mailTo(author).get(1).contains("was granted"), mailTo(author).toString());
        assertEquals("APPEAL /t/", notices(author).get(0).substring(0, 10), notices(author).toString());
    }

    /**
     * P-FORUM-3, issue 7: a deletion can be appealed as a hiding can: the author is told how (mail
     * and notice), appeals once, the moderator who deleted may not decide, a second one restores the
     * post with its text; a denial on another post keeps it deleted. The flagger gets a notice of the
     * outcome beside the mail.
     */
    @Test
    void aDeletedPostIsAppealedAndRestoredByAnotherModerator_P_FORUM_3() {
        long author = poster("deleted", 10);
        long flagger = poster("flagger", 10);
        long moderator = moderator("deleter");
        long other = moderator("restorer");
        Topic topic = writer.startTopic(author, category().id(), "Delete me " + id(), "A heated but fair post");
        long postId = firstPost(topic);
        desk.flag(flagger, postId, FlagReason.ABUSIVE, null);
        assertThrows(ModerationRefusedException.class, () -> desk.appeal(author, postId, "Nothing was decided yet"));
        desk.decide(moderator, itemOf(postId, "FLAGGED"), Decision.DELETE, FlagReason.ABUSIVE, "Too heated");
        assertTrue(post(topic, 1).orElseThrow().isDeleted());
        assertTrue(mailTo(author).get(0).contains("tell us why at"), mailTo(author).get(0));
        assertEquals(List.of("MODERATION /forum/appeal?post=" + postId), notices(author));
        assertEquals(List.of("FLAG_OUTCOME " + topic.path() + "#post-1"), notices(flagger));

        desk.appeal(author, postId, "Heated, yes, but I insulted nobody");
        long appeal = itemOf(postId, "APPEAL");
        assertThrows(InvalidInputException.class, () -> desk.decide(other, itemOf(postId, "APPEAL"), null, null, "x"));
        assertThrows(ModerationRefusedException.class, () -> desk.decide(moderator, appeal, Decision.RESTORE, null, "Fine"));
        desk.decide(other, appeal, Decision.RESTORE, null, "Heated is allowed");
        Post restored = post(topic, 1).orElseThrow();
        assertFalse(restored.isDeleted());
        assertEquals("A heated but fair post", restored.bodyMarkdown());
        assertEquals(List.of(StaffAction.Kind.GRANT_APPEAL, StaffAction.Kind.DELETE_POST),
                staffLog.on(ModerationDesk.detail(postId)).stream().map(StaffAction::kind).toList());

        // Another deletion, appealed and denied with KEEP: the post stays deleted; KEEP is for appeals only.
        long second = writer.reply(author, topic.id(), "Another heated post").id();
        desk.flag(flagger, second, FlagReason.ABUSIVE, null);
        long flagged = itemOf(second, "FLAGGED");
        assertThrows(InvalidInputException.class, () -> desk.decide(moderator, flagged, Decision.KEEP, FlagReason.ABUSIVE, "x"));
        desk.decide(moderator, flagged, Decision.DELETE, FlagReason.ABUSIVE, "Too heated again");
        desk.appeal(author, second, "Please look again");
        desk.decide(other, itemOf(second, "APPEAL"), Decision.KEEP, null, "This one insults a member");
        assertTrue(post(topic, 2).orElseThrow().isDeleted());
        assertTrue(mailTo(author).get(mailTo(author).size() - 1).contains("was not granted"), mailTo(author).toString());
        assertTrue(notices(author).get(0).startsWith("APPEAL"), notices(author).toString());
    }

    /**
     * P-FORUM-3, issue 7: a moderator moves a topic to another forum with words; its address stays, both
     * forums count it right, the staff log says from where to where and why, and the author is told.
     * Members who do not moderate cannot move a topic, and nobody moves one into (or out of) a
     * workgroup's discussion area, which only its members read.
     */
    @Test
    void aModeratorMovesATopicWhoseAddressStays_P_FORUM_3() {
        long author = poster("mover", 10);
        long crafty = poster("crafty", 10);
        long moderator = moderator("movemod");
        ForumCategory from = category();
        ForumCategory to = category();
        Topic topic = writer.startTopic(author, from.id(), "Move me " + id(), "In the wrong place");
        writer.reply(author, topic.id(), "Still in the wrong place");

        assertThrows(EJBException.class, () -> service.moveTopic(topic.id(), to.id(), "because"));
        assertThrows(ModerationRefusedException.class, () -> desk.move(crafty, topic.id(), to.id(), "because"));
        assertThrows(PostingRefusedException.class, () -> writer.moveTopic(crafty, topic.id(), to.id()));
        InvalidInputException same = assertThrows(InvalidInputException.class, () -> desk.move(moderator, topic.id(), from.id(), "why"));
        assertEquals("The topic is in that forum already.", same.problems().get("category"));
        String groupId = id();
        ForumCategory groupArea = writer.createAudienceCategory(new CategoryDraft("Group " + groupId, "group-" + groupId, "A group's own",
                null, Visibility.MEMBERS, 30), "test-group:" + groupId);
        InvalidInputException intoGroup = assertThrows(InvalidInputException.class,
                () -> desk.move(moderator, topic.id(), groupArea.id(), "Belongs to the group"));
        assertTrue(intoGroup.problems().get("category").contains("cannot be moved into or out of it"), intoGroup.problems().toString());
        InvalidInputException none = assertThrows(InvalidInputException.class, () -> desk.move(moderator, topic.id(), null, " "));
        assertEquals(java.util.Set.of("category", "words"), none.problems().keySet());
        assertEquals(from.id(), forum.topic(topic.id(), 1).category().id());

        desk.move(moderator, topic.id(), to.id(), "It is about events");
        assertEquals(to.id(), forum.topic(topic.id(), 1).category().id(), "the same id, so the old address finds it");
        assertEquals(topic.path(), forum.topic(topic.id(), 1).topic().path());
        assertEquals(0, db.number("select topic_count + post_count from forum_category where id = ?", from.id()));
        assertEquals(1, db.number("select topic_count from forum_category where id = ?", to.id()));
        assertEquals(2, db.number("select post_count from forum_category where id = ?", to.id()));
        List<StaffAction> log = staffLog.on("topic " + topic.id());
        assertEquals(StaffAction.Kind.MOVE_TOPIC, log.get(0).kind());
        assertEquals("From " + from.name() + " to " + to.name() + ": It is about events", log.get(0).reason());
        assertTrue(mailTo(author).get(0).contains("was moved by a moderator"), mailTo(author).toString());
        assertEquals(List.of("MODERATION " + topic.path()), notices(author));
    }

    /** Issue 7, P-ACCOUNT-2: a sanction also leaves a notice, and deleting the account erases the member's notices. */
    @Test
    void aSanctionLeavesANoticeAndDeletionErasesNotices_P_ACCOUNT_2() {
        long member = poster("warned", 10);
        long moderator = moderator("warner");
        desk.sanction(moderator, member, Sanction.WARN, FlagReason.ABUSIVE, "Mind your tone", null);
        assertEquals(List.of("SANCTION /rules"), notices(member));
        // The notice list is for its member only: no parameter names a member, and nobody signed in gets nothing.
        assertThrows(EJBException.class, () -> noticeService.page(1));
        assertEquals(0, noticeService.unreadCount(), "the header's count asks nothing of an anonymous caller");
        assertTrue(noticeBodies(member).get(0).contains("Abusive: Mind your tone"), noticeBodies(member).toString());
        setPassword(member, "correct horse battery staple");
        deletion.delete(member, "correct horse battery staple".toCharArray(), null, true);
        assertEquals(0, db.number("select count(*) from notice where member_id = ?", member));
    }

    /** The member's notices, newest first, as "KIND appeal-path-or-path". */
    private List<String> notices(long memberId) {
        return db.rows("select kind, coalesce(appeal_path, path) from notice where member_id = ? order by id desc", memberId).stream()
                .map(notice -> notice[0] + " " + notice[1]).toList();
    }

    private List<String> noticeBodies(long memberId) {
        return db.strings("select body from notice where member_id = ? order by id desc", memberId);
    }

    /**
     * P-FORUM-3, decision 0040: a moderator an administrator assigned to one category sees that
     * category's items in the queue and no other's, and crafted requests on another category's
     * item, post, topic or posting history are refused by the services; once the term ends, nothing.
     */
    @Test
    void aCategoryModeratorActsOnlyInTheirCategories_P_FORUM_3() {
        long admin = poster("assigner", 30);
        db.update("insert into member_role (member_id, role) values (?, 'ADMIN')", admin);
        long moderator = moderator("catmod");
        long author = poster("catauthor", 10);
        long flagger = poster("catflagger", 10);
        ForumCategory mine = category();
        ForumCategory other = category();
        Topic inMine = writer.startTopic(author, mine.id(), "Mine " + id(), "A post in my category");
        Topic inOther = writer.startTopic(author, other.id(), "Other " + id(), "A post elsewhere");
        long minePost = firstPost(inMine);
        desk.flag(flagger, firstPost(inMine), FlagReason.OFF_TOPIC, null);
        desk.flag(flagger, firstPost(inOther), FlagReason.OFF_TOPIC, null);
        long mineItem = itemOf(firstPost(inMine), "FLAGGED");
        long otherItem = itemOf(firstPost(inOther), "FLAGGED");

        assertThrows(ModerationRefusedException.class,
                () -> desk.assign(moderator, moderator, false, java.util.Set.of(mine.id()), null, "I assign myself"), "only administrators assign");
        InvalidInputException none = assertThrows(InvalidInputException.class,
                () -> desk.assign(admin, moderator, false, java.util.Set.of(), null, "nothing chosen"));
        assertTrue(none.problems().containsKey("categories"));
        OffsetDateTime ends = OffsetDateTime.now(ZoneOffset.UTC).plusDays(30).withNano(0);
        desk.assign(admin, moderator, false, java.util.Set.of(mine.id()), ends, "Looks after the new forum");
        assertEquals(StaffAction.Kind.ASSIGN_MODERATOR, kinds(moderator).get(0));
        assertEquals(ends.toInstant(), desk.termEnds().get(moderator).toInstant(), "/admin/members shows the end of the term");

        List<Long> queue = desk.queue(moderator, null, null, null).stream().map(ReviewItem::id).toList();
        assertTrue(queue.contains(mineItem), "the queue holds the category's item");
        assertFalse(queue.contains(otherItem), "and not another category's");
        assertThrows(ModerationRefusedException.class, () -> desk.item(moderator, otherItem));
        assertThrows(ModerationRefusedException.class, () -> desk.claim(moderator, otherItem));
        assertThrows(ModerationRefusedException.class, () -> desk.note(moderator, otherItem, "peek"));
        assertThrows(ModerationRefusedException.class, () -> desk.decide(moderator, otherItem, Decision.HIDE, FlagReason.OFF_TOPIC, "no"));
        assertThrows(ModerationRefusedException.class, () -> desk.topic(moderator, inOther.id(), TopicAction.LOCK, "no"));
        assertEquals(java.util.Set.of(firstPost(inMine)), desk.postsInScope(moderator, List.of(firstPost(inMine), firstPost(inOther))),
                "the posting history shows only posts in their categories");
        assertTrue(forum.topic(inOther.id(), 1).posts().get(0).post().isVisible());
        assertFalse(forum.topic(inOther.id(), 1).topic().isLocked());
        assertEquals(0, db.number("select count(*) from moderation_item where id = ? and claimed_by is not null", otherItem));

        desk.decide(moderator, mineItem, Decision.HIDE, FlagReason.OFF_TOPIC, "Belongs elsewhere");
        assertEquals(1, db.number("select count(*) from forum_post where id = ? and review_state = 'HIDDEN'", minePost));
        assertTrue(desk.queue(admin, null, null, null).size() > 0, "administrators are never narrowed");
        desk.item(admin, otherItem);

        db.update("update moderator_assignment set ends_at = current_timestamp - interval '1' hour where member_id = ?", moderator);
        ModerationRefusedException ended = assertThrows(ModerationRefusedException.class, () -> desk.queue(moderator, null, null, null));
        assertTrue(ended.getMessage().contains("term"), ended.getMessage());

        String password = "leaving the moderators " + id();
        setPassword(moderator, password);
        deletion.delete(moderator, password.toCharArray(), null, true);
        assertEquals(0, db.number("select count(*) from moderator_assignment where member_id = ?", moderator), "the assignment goes with the account");
    }

    /** P-FORUM-3: the dashboard counts a moderator's decisions, their flags and log entries, and the median time to decision. */
    @Test
    void theDashboardCountsDecisionsFlagsActionsAndTheMedianTimeToDecision_P_FORUM_3() {
        long moderator = moderator("dashmod");
        long author = poster("dashauthor", 10);
        long flagger = poster("dashflagger", 10);
        ForumCategory category = category();
        List<Long> items = new ArrayList<>();
        for (int hours : new int[] {2, 4, 9}) {
            Topic topic = writer.startTopic(author, category.id(), "Dash " + id(), "Flag me");
            desk.flag(flagger, firstPost(topic), FlagReason.ADVERTISING, null);
            long item = itemOf(firstPost(topic), "FLAGGED");
            db.update("update moderation_item set created_at = current_timestamp - interval '" + hours + "' hour where id = ?", item);
            items.add(item);
        }
        desk.decide(moderator, items.get(0), Decision.APPROVE, null, "Fine as it is");
        desk.decide(moderator, items.get(1), Decision.HIDE, FlagReason.ADVERTISING, "An advert");

        StaffDashboard dashboard = desk.dashboard(moderator, 7);
        StaffDashboard.Row row = dashboard.rows().stream().filter(r -> r.moderatorId() == moderator).findFirst().orElseThrow();
        assertEquals(2, row.decided());
        assertEquals(2, row.flagsHandled());
        assertEquals(2, row.actions(), "two entries in the staff log");
        long median = row.medianToDecision().toMinutes();
        assertTrue(median >= 179 && median <= 181, "median of 2 h and 4 h is 3 h: " + row.medianToDecision());
        assertTrue(dashboard.openItems() >= 1, "the third item is still open");
        assertTrue(dashboard.oldestOpen().toHours() >= 9, "the oldest open item waits at least 9 hours: " + dashboard.oldestOpen());
        assertThrows(InvalidInputException.class, () -> desk.dashboard(moderator, 12));
        long member = poster("dashmember", 10);
        assertThrows(ModerationRefusedException.class, () -> desk.dashboard(member, 7));
    }

    /** P-FORUM-3: the list of sanctions in force shows silences and suspensions with end and reason; lifting early needs words. */
    @Test
    void activeSanctionsAreListedAndLiftedEarlyWithAReason_P_FORUM_3() {
        long moderator = moderator("sanctlist");
        long silenced = poster("listsilenced", 10);
        long suspended = poster("listsuspended", 10);
        OffsetDateTime until = OffsetDateTime.now(ZoneOffset.UTC).plusDays(3);
        desk.sanction(moderator, silenced, Sanction.SILENCE, FlagReason.ABUSIVE, "Calm down", until);
        desk.sanction(moderator, suspended, Sanction.SUSPEND, FlagReason.THREATENING, "Threats", until.plusDays(1));

        List<ModerationDesk.ActiveSanction> active = desk.activeSanctions(moderator);
        ModerationDesk.ActiveSanction silence = active.stream().filter(s -> s.memberId() == silenced).findFirst().orElseThrow();
        assertEquals(Sanction.LIFT_SILENCE, silence.lift());
        assertEquals(until.toInstant().getEpochSecond(), silence.until().toInstant().getEpochSecond());
        assertTrue(silence.reason().endsWith("Calm down"), silence.reason());
        ModerationDesk.ActiveSanction suspension = active.stream().filter(s -> s.memberId() == suspended).findFirst().orElseThrow();
        assertEquals(Sanction.LIFT_SUSPENSION, suspension.lift());
        assertTrue(suspension.reason().endsWith("Threats"), suspension.reason());

        assertThrows(InvalidInputException.class, () -> desk.sanction(moderator, silenced, Sanction.LIFT_SILENCE, null, " ", null));
        assertTrue(desk.sanction(moderator, silenced, Sanction.LIFT_SILENCE, null, "Apologised", null));
        assertTrue(desk.activeSanctions(moderator).stream().noneMatch(s -> s.memberId() == silenced));
        assertTrue(desk.activeSanctions(moderator).stream().anyMatch(s -> s.memberId() == suspended));
        assertThrows(ModerationRefusedException.class, () -> desk.activeSanctions(silenced));
    }

    /**
     * P-FORUM-3, decision 0020: approving a held post does what posting it would have done: it becomes
     * the topic's latest post, the member it mentions is mailed once, and a watcher whose mail went
     * out while it was held is told of it.
     */
    @Test
    void approvingAHeldPostUpdatesTheTopicMailsMentionsOnceAndTellsWatchers_P_FORUM_3() {
        long regular = poster("watcherauthor", 10);
        long mentioned = poster("mentioned", 10);
        long moderator = moderator("approves");
        String mentionedName = usernameOf(mentioned);
        Topic topic = writer.startTopic(regular, category().id(), "Approve me " + id(), "Introductions");
        heldPosts.setCount(2);
        try {
            long newcomer = poster("heldnew", 2);
            String text = "Hello @" + mentionedName + ", I am new here " + id();
            Post reply = writer.reply(newcomer, topic.id(), text);
            assertTrue(reply.isHeld());
            assertTrue(mailTo(mentioned).isEmpty(), "nobody is mailed of a held post");
            long watch = db.number("select max(id) from forum_watch where topic_id = " + topic.id() + " and member_id = ?", regular);
            watchNotifier.mailWatcher(watch);
            assertTrue(mailTo(regular).isEmpty(), "the watcher's sweep passes the held post by");

            long item = itemOf(reply.id(), "HELD");
            desk.decide(moderator, item, Decision.APPROVE, null, "Welcome");
            Topic after = forum.topic(topic.id(), 1).topic();
            assertEquals(Long.valueOf(newcomer), after.lastAuthorId(), "the approved post is the topic's latest");
            assertTrue(after.lastActivityAt().isAfter(topic.lastActivityAt()));
            List<String> mentions = mailTo(mentioned);
            assertEquals(1, mentions.size(), mentions.toString());
            assertTrue(mentions.get(0).contains("mentioned you"), mentions.get(0));
            List<String> watched = mailTo(regular);
            assertEquals(1, watched.size(), watched.toString());
            assertTrue(watched.get(0).contains("I am new here"), watched.get(0));
            watchNotifier.mailWatcher(watch);
            assertEquals(1, mailTo(regular).size(), "told once");
            assertEquals(1, mailTo(mentioned).size(), "mentioned once");
        } finally {
            heldPosts.setCount(0);
        }
    }

    private String usernameOf(long memberId) {
        return db.string("select username from member where id = ?", memberId);
    }

    private List<StaffAction.Kind> kinds(long memberId) {
        return db.strings("select action from staff_action where subject_id = ? order by id desc", memberId).stream()
                .map(StaffAction.Kind::valueOf).toList();
    }

    private void setPassword(long memberId, String password) {
        db.update("update member set password_hash = ? where id = ?", hasher.hash(password.toCharArray()), memberId);
    }

    private void fill(List<String> keys) {
        for (String key : keys) {
            pageCache.put(key, new AnonymousPageCache.Page(System.nanoTime(), 200, List.of(), key.getBytes()), pageCache.generation());
        }
    }

    private ForumCategory category() {
        String id = id();
        return writer.createCategory(new CategoryDraft("Moderated " + id, "mod-" + id, "About " + id, null, Visibility.PUBLIC, 30));
    }

    /** A verified member who joined {@code daysAgo} days ago and accepted the forum rules. */
    private long poster(String prefix, int daysAgo) {
        String username = prefix + id().substring(0, 8);
        OffsetDateTime joined = OffsetDateTime.now(ZoneOffset.UTC).minusDays(daysAgo).minusMinutes(1);
        long member = new TestMembers(dataSource, policies).create(username, "Real Name " + username, username + "@example.org", joined, true);
        policies.accept(member, PolicyKind.FORUM_RULES, policies.current(PolicyKind.FORUM_RULES).orElseThrow().number(), "test");
        return member;
    }

    private long moderator(String prefix) {
        long member = poster(prefix, 30);
        db.update("insert into member_role (member_id, role) values (?, 'MODERATOR')", member);
        return member;
    }

    /** The subject and body of each mail queued to the member, oldest first. */
    private List<String> mailTo(long memberId) {
        return db.mailsTo(db.string("select email from member where id = ?", memberId));
    }

    private static String id() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
