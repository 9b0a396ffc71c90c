package org.colloquy.moderation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.colloquy.account.MemberDirectory;
import org.colloquy.account.StaffAction;
import org.colloquy.account.StaffLog;
import org.colloquy.forum.ForumService;
import org.colloquy.forum.ForumViews;
import org.colloquy.platform.security.Caller;

/**
 * Moderation as the pages use it, for the signed-in caller. Any member flags; everything else is
 * for MODERATOR and ADMIN only, checked by the container here and again against the database by
 * {@link ModerationDesk}. Moderators see authors by username with a link to their posting
 * history (the public profile), never their email or real name.
 */
@Stateless
@DeclareRoles({"MEMBER", "MODERATOR", "ADMIN"})
@RolesAllowed({"MODERATOR", "ADMIN"})
public class ModerationService {

    /** One item of the queue as the page shows it. */
    public record QueueRow(ReviewItem item, ForumViews.ModeratedPost post, String claimedBy, List<ReviewNote> notes,
            Map<Long, String> noteAuthors) {

        public boolean claimedByOther(long me) {
            return item.claimedBy() != null && item.claimedBy() != me;
        }
    }

    @Inject
    private ModerationDesk desk;

    @Inject
    private ForumService forum;

    @Inject
    private MemberDirectory directory;

    @Inject
    private Caller caller;

    @Inject
    private StaffLog staffLog;

    @PermitAll
    public Flag flag(long postId, FlagReason reason, String explanation) {
        return desk.flag(caller.requireMemberId(), postId, reason, explanation);
    }

    /** The signed-in author appeals the hiding of their post (see {@link ModerationDesk#appeal}). */
    @PermitAll
    public ReviewItem appeal(long postId, String statement) {
        return desk.appeal(caller.requireMemberId(), postId, statement);
    }

    public List<QueueRow> queue(ReviewItem.Kind kind, FlagReason reason, Duration minAge) {
        long me = caller.requireMemberId();
        return rows(me, desk.queue(me, kind, reason, minAge));
    }

    private List<QueueRow> rows(long me, List<ReviewItem> items) {
        Map<Long, ForumViews.ModeratedPost> posts = forum.moderatedPosts(items.stream().map(ReviewItem::postId).toList());
        List<ReviewNote> notes = desk.notes(me, items.stream().map(ReviewItem::id).toList());
        Set<Long> people = items.stream().map(ReviewItem::claimedBy).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        notes.forEach(n -> people.add(n.authorId()));
        people.remove(null);
        Map<Long, String> names = new java.util.HashMap<>(directory.usernames(people));
        Map<Long, List<ReviewNote>> byItem = notes.stream().collect(Collectors.groupingBy(ReviewNote::itemId));
        return items.stream().filter(i -> posts.containsKey(i.postId()))
                .map(i -> new QueueRow(i, posts.get(i.postId()), i.claimedBy() == null ? null : names.get(i.claimedBy()), byItem.getOrDefault(i.id(), List.of()), names))
                .toList();
    }

    /** One item with its post, claim and notes. */
    public QueueRow item(long itemId) {
        long me = caller.requireMemberId();
        List<QueueRow> rows = rows(me, List.of(desk.item(me, itemId)));
        if (rows.isEmpty()) {
            throw new ModerationRefusedException(org.colloquy.platform.i18n.Texts.get("moderation.item.gone"));
        }
        return rows.get(0);
    }

    /** The caller's member id, for pages that mark what the caller holds. */
    public long me() {
        return caller.requireMemberId();
    }

    /** The staff log, newest first, or the entries that hold the text; with the usernames of everyone in them. */
    public StaffLogPage log(String search) {
        List<StaffAction> entries = search == null || search.isBlank() ? staffLog.latest(200) : staffLog.search(search, 200);
        Set<Long> ids = new java.util.HashSet<>();
        entries.forEach(e -> {
            ids.add(e.actorId());
            ids.add(e.subjectId());
        });
        ids.remove(null);
        return new StaffLogPage(entries, directory.usernames(ids));
    }

    /** Entries of the staff log and the usernames of the people in them. */
    public record StaffLogPage(List<StaffAction> entries, Map<Long, String> names) {
    }

    public ReviewItem claim(long itemId) {
        return desk.claim(caller.requireMemberId(), itemId);
    }

    public void release(long itemId) {
        desk.release(caller.requireMemberId(), itemId);
    }

    public ReviewNote note(long itemId, String text) {
        return desk.note(caller.requireMemberId(), itemId, text);
    }

    public void decide(long itemId, Decision decision, FlagReason reason, String words) {
        desk.decide(caller.requireMemberId(), itemId, decision, reason, words);
    }

    public void topic(long topicId, TopicAction action, String words) {
        desk.topic(caller.requireMemberId(), topicId, action, words);
    }

    /** Sanctions a member or lifts one (see {@link ModerationDesk#sanction}). */
    public boolean sanction(long memberId, Sanction kind, FlagReason category, String words, java.time.OffsetDateTime until) {
        return desk.sanction(caller.requireMemberId(), memberId, kind, category, words, until);
    }

    /**
     * A moderator edits a post's text with the rule it broke and their words (see {@link ModerationDesk#edit}).
     */
    public ForumViews.ModeratedPost editPost(long postId, String markdown, FlagReason category, String words) {
        return desk.edit(caller.requireMemberId(), postId, markdown, category, words);
    }

    /**
     * A post with its earlier texts for staff: each revision with the word diff from it to the text
     * that replaced it (the next revision, or the post as it is now), oldest first.
     */
    public PostHistoryView postHistory(long postId) {
        ModerationDesk.PostHistory history = desk.history(caller.requireMemberId(), postId);
        List<org.colloquy.forum.PostRevision> revisions = history.revisions();
        List<RevisionDiff> diffs = new java.util.ArrayList<>();
        for (int i = 0; i < revisions.size(); i++) {
            String after = i + 1 < revisions.size() ? revisions.get(i + 1).bodyMarkdown() : history.post().post().bodyMarkdown();
            diffs.add(new RevisionDiff(revisions.get(i), TextDiff.between(revisions.get(i).bodyMarkdown(), after)));
        }
        return new PostHistoryView(history.post(), diffs);
    }

    /** A post and the diffs of its earlier texts, for {@code /moderation/edit}. */
    public record PostHistoryView(ForumViews.ModeratedPost post, List<RevisionDiff> revisions) {
    }

    /** An earlier text and how the text after it differs: what was removed and added. */
    public record RevisionDiff(org.colloquy.forum.PostRevision revision, List<TextDiff.Run> runs) {
    }

    /** Moves a topic to another forum with the moderator's words (see {@link ModerationDesk#move}). */
    public ForumViews.MovedTopic moveTopic(long topicId, Long categoryId, String words) {
        return desk.move(caller.requireMemberId(), topicId, categoryId, words);
    }

    /** The topic as its first page shows it to the moderator, and every forum it could move to. */
    public MoveView moveView(long topicId) {
        caller.requireMemberId();
        return new MoveView(forum.topic(topicId, 1), forum.categories());
    }

    /** What {@code /moderation/move} shows. */
    public record MoveView(ForumViews.TopicPage topic, List<org.colloquy.forum.ForumCategory> categories) {
    }

    /**
     * The member page: username, standing, the sanction history and the newest posts a signed-in reader
     * may read; never email or real name.
     */
    public java.util.Optional<MemberPage> member(String username) {
        long me = caller.requireMemberId();
        return desk.standing(me, username).map(s -> new MemberPage(s, desk.sanctionHistory(me, s.memberId()),
                postsInScope(me, forum.recentPostsBy(s.memberId(), 20, true))));
    }

    /** What {@code /moderation/member} shows. */
    public record MemberPage(org.colloquy.account.MemberSanctions.Standing standing, ModerationDesk.SanctionRecord history,
            List<ForumViews.RecentPost> posts) {
    }

    /**
     * The warnings, silences and suspensions of the member named, newest first, with what became of each
     * (see {@link ModerationDesk#sanctionHistory}); empty when there is no such member.
     */
    public java.util.Optional<ModerationDesk.SanctionRecord> sanctionHistory(String username) {
        long me = caller.requireMemberId();
        return desk.standing(me, username).map(s -> desk.sanctionHistory(me, s.memberId()));
    }

    /** Of a member's posts, those in the categories the moderator acts in (decision 0040). */
    private List<ForumViews.RecentPost> postsInScope(long me, List<ForumViews.RecentPost> posts) {
        Set<Long> shown = desk.postsInScope(me, posts.stream().map(ForumViews.RecentPost::postId).toList());
        return posts.stream().filter(p -> shown.contains(p.postId())).toList();
    }

    /** A moderator's assignment as an administrator's page shows it (decision 0040). */
    public record AssignmentView(long memberId, boolean moderator, boolean all, Set<Long> categories, java.time.OffsetDateTime endsAt) {
    }

    /** The assignment of the member named, for an administrator: every category with no end when none was made. */
    @RolesAllowed("ADMIN")
    public java.util.Optional<AssignmentView> assignment(String username) {
        return desk.standing(caller.requireMemberId(), username).map(s -> {
            long id = s.memberId();
            boolean moderator = directory.holdsRole(id, org.colloquy.account.Role.MODERATOR);
            return desk.assignment(id).map(a -> new AssignmentView(id, moderator, a.allCategories(), a.categories(), a.endsAt()))
                    .orElse(new AssignmentView(id, moderator, true, Set.of(), null));
        });
    }

    /** Assigns a moderator to all categories or to chosen ones, with an optional end (see {@link ModerationDesk#assign}). */
    @RolesAllowed("ADMIN")
    public void assign(long moderatorId, boolean all, Set<Long> categoryIds, java.time.OffsetDateTime endsAt, String words) {
        desk.assign(caller.requireMemberId(), moderatorId, all, categoryIds, endsAt, words);
    }

    /** The forum categories an administrator assigns moderators to. */
    @RolesAllowed("ADMIN")
    public List<org.colloquy.forum.ForumCategory> categories() {
        return forum.allCategories();
    }

    /** The end of each moderator's term, for those that have one (for {@code /admin/members}; one row per moderator). */
    @RolesAllowed("ADMIN")
    public Map<Long, java.time.OffsetDateTime> termEnds() {
        return desk.termEnds();
    }

    /** The staff dashboard for the last 7, 30 or 90 days (see {@link ModerationDesk#dashboard}). */
    public StaffDashboard dashboard(int days) {
        return desk.dashboard(caller.requireMemberId(), days);
    }

    /** Silences and dated suspensions in force, soonest end first. */
    public List<ModerationDesk.ActiveSanction> activeSanctions() {
        return desk.activeSanctions(caller.requireMemberId());
    }
}
