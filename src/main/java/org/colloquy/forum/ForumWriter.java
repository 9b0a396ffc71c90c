package org.colloquy.forum;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.colloquy.account.MemberAddresses;
import org.colloquy.account.MemberDirectory;
import org.colloquy.account.StaffAction;
import org.colloquy.account.StaffLog;
import org.colloquy.account.Usernames;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.text.Markdown;
import org.colloquy.platform.throttle.Limit;
import org.colloquy.platform.throttle.Throttle;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.policy.PolicyKind;
import org.colloquy.policy.PolicyService;
import org.colloquy.policy.PolicyVersion;

/**
 * Writes to the forums for a member named by id: {@link ForumService} passes the signed-in caller's
 * id, demo content and tests their own. Every post goes through the same checks, in this order: the
 * member may post (verified email, not suspended), has accepted the policies in effect and the forum
 * rules (P-FORUM-2), may read the category, the topic is not locked, the text is within the size
 * limit and not empty once made safe, and the member is within the posting rate (stricter in their
 * first day, P-SECURITY-1). A refusal writes nothing.
 */
@Stateless
@PermitAll
public class ForumWriter {

    /** Posts of a member in any minute and hour. */
    static final Limit POSTING = new Limit("forum-post", 6, 60);

    /** The same for a member who joined less than a day ago. */
    static final Limit POSTING_NEW_MEMBER = new Limit("forum-post-new", 2, 10);

    static final Duration NEW_MEMBER = Duration.ofDays(1);

    /** The most members one post notifies of a mention; later names are still linked. */
    static final int MAX_MENTIONS_NOTIFIED = 10;

    /** Posts (or revisions) rewritten per batch when a deleted member's name is taken out of the forums. */
    static final int MENTION_BATCH = 200;

    @Inject
    private ForumRepository forums;

    @Inject
    private MemberDirectory directory;

    @Inject
    private PolicyService policies;

    @Inject
    private Markdown markdown;

    @Inject
    private Throttle throttle;

    @Inject
    private ForumWatches watches;

    @Inject
    private MemberAddresses addresses;

    @Inject
    private ForumMails mails;

    /** Tells the page cache (and anyone else) what changed; observed after the commit. */
    @Inject
    private Event<ForumChanged> changed;

    @Inject
    private Event<PostHeld> held;

    @Inject
    private HeldPosts heldPosts;

    @Inject
    private StaffLog staffLog;

    @Inject
    private ForumAudiences audiences;

    @Inject
    private WatchNotifier watchNotifier;

    /** Starts a topic with its first post. */
    public Topic startTopic(long memberId, long categoryId, String title, String body) {
        OffsetDateTime now = now();
        MemberDirectory.Poster poster = checkPoster(memberId);
        ForumCategory category = forums.category(categoryId).filter(c -> audiences.mayRead(c, memberId))
                .orElseThrow(() -> new NoSuchForumItemException("No forum " + categoryId));
        Map<String, String> problems = new LinkedHashMap<>();
        String cleanTitle = title == null ? "" : title.strip().replaceAll("\\s+", " ");
        if (cleanTitle.isEmpty()) {
            problems.put("title", Texts.get("forum.title.required"));
        } else if (cleanTitle.length() > Topic.TITLE_LENGTH) {
            problems.put("title", Texts.get("forum.title.tooLong", Topic.TITLE_LENGTH));
        }
        Map<String, MemberDirectory.Mentioned> mentioned = new LinkedHashMap<>();
        String html = checkBody(body, problems, mentioned);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        throttle(memberId, poster, now);
        boolean hold = mustHold(memberId);
        Topic topic = new Topic(category.id(), cleanTitle, memberId, now);
        forums.add(topic);
        forums.flush();
        addPost(memberId, topic, topic.addPost(memberId, now), body, html, mentioned, hold, now);
        return topic;
    }

    /** Adds a post at the end of a topic. */
    public Post reply(long memberId, long topicId, String body) {
        OffsetDateTime now = now();
        MemberDirectory.Poster poster = checkPoster(memberId);
        Topic topic = forums.lockTopic(topicId)
                .filter(t -> forums.category(t.categoryId()).filter(c -> audiences.mayRead(c, memberId)).isPresent())
                .orElseThrow(() -> new NoSuchForumItemException("No topic " + topicId));
        if (topic.isLocked()) {
            throw new PostingRefusedException(Texts.get("forum.refused.locked"));
        }
        Map<String, MemberDirectory.Mentioned> mentioned = new LinkedHashMap<>();
        String html = checkedBody(body, "body", mentioned);
        throttle(memberId, poster, now);
        boolean hold = mustHold(memberId);
        int number = hold ? topic.addHeldPost() : topic.addPost(memberId, now);
        return addPost(memberId, topic, number, body, html, mentioned, hold, now);
    }

    /** Replaces the text of the member's own post; the earlier text is kept for moderators. */
    public Post edit(long memberId, long postId, String body) {
        OffsetDateTime now = now();
        checkPoster(memberId);
        Post post = ownPost(memberId, postId);
        Topic topic = forums.lockTopic(post.topicId()).orElseThrow();
        if (topic.isLocked()) {
            throw new PostingRefusedException(Texts.get("forum.refused.locked"));
        }
        Map<String, MemberDirectory.Mentioned> mentioned = new LinkedHashMap<>();
        String html = checkedBody(body, "body", mentioned);
        Set<String> before = lowerCase(markdown.mentions(post.bodyMarkdown()));
        forums.add(post.edit(body, html, now));
        if (post.isVisible()) {
            notifyMentions(memberId, topic, post, mentioned, before);
        }
        changed.fire(new ForumChanged(topic.id()));
        return post;
    }

    /** Deletes the member's own post: a placeholder stays in the thread, the text only in its revisions. */
    public Post delete(long memberId, long postId) {
        Post post = ownPost(memberId, postId);
        forums.add(post.delete(now()));
        changed.fire(new ForumChanged(post.topicId()));
        return post;
    }

    /**
     * The member deletes their account (P-ACCOUNT-2): their watches and read markers go; their posts
     * either stay as they are (the directory no longer names a deleted author, so every page credits
     * "a former member") or become placeholders, as a post its author deleted; either way the earlier
     * texts of their posts are purged (the staff log says so, without the text). Then every
     * {@code @name} of theirs in any post, quote attributions included, becomes "a former member"
     * ({@link #forgetMentions}), so that no page, feed or search shows the name.
     *
     * @param usernames the member's username and the ones they gave up that are still held
     */
    public void formerMember(long memberId, boolean keepPosts, Set<String> usernames) {
        forums.deleteTracesOf(memberId);
        Set<Long> topics = new HashSet<>();
        List<Post> posts = forums.lockPostsBy(memberId);
        if (!keepPosts) {
            OffsetDateTime now = now();
            for (Post post : posts) {
                if (!post.isDeleted()) {
                    post.delete(now);
                }
            }
        }
        int purged = forums.deleteRevisions(posts.stream().map(Post::id).toList());
        if (purged > 0) {
            staffLog.record(null, memberId, StaffAction.Kind.PURGE_REVISIONS, "the posts of a deleted account",
                    Texts.get("forum.log.purged.deletion", purged, posts.size()));
        }
        posts.forEach(post -> topics.add(post.topicId()));
        forums.flushAndDetach(posts);
        topics.addAll(forgetMentions(memberId, usernames));
        topics.forEach(topic -> changed.fire(new ForumChanged(topic)));
    }

    /**
     * Replaces every {@code @name} of a member being deleted, in every post and post revision
     * ({@link FormerMentions}), with "a former member": the stored Markdown, the HTML made from it
     * again (other members' mentions linked as on posting) and the search text. The posts are read
     * and written {@link #MENTION_BATCH} at a time, each batch locked, written and let go, so a member
     * mentioned thousands of times does not fill memory; it all stays in the deleting transaction. The
     * other authors' words are not touched otherwise, no revision is kept and nobody is notified.
     *
     * @return the topics whose posts changed
     */
    private Set<Long> forgetMentions(long memberId, Set<String> usernames) {
        Set<Long> topics = new HashSet<>();
        if (usernames == null || usernames.isEmpty()) {
            return topics;
        }
        FormerMentions former = new FormerMentions(usernames, Texts.get("forum.formerMember"));
        Set<String> like = FormerMentions.likePatterns(usernames);
        int rewritten = 0;
        List<Long> ids = forums.idsWithText(false, like);
        for (int from = 0; from < ids.size(); from += MENTION_BATCH) {
            List<Post> batch = forums.lockPosts(ids.subList(from, Math.min(ids.size(), from + MENTION_BATCH)));
            Map<Post, String> changes = new LinkedHashMap<>();
            Set<String> names = new LinkedHashSet<>();
            for (Post post : batch) {
                String text = former.apply(post.bodyMarkdown());
                if (!post.isDeleted() && !text.equals(post.bodyMarkdown())) {
                    changes.put(post, text);
                    names.addAll(markdown.mentions(text));
                }
            }
            Map<String, MemberDirectory.Mentioned> found = names.isEmpty() ? Map.of() : directory.byUsernames(names);
            changes.forEach((post, text) -> {
                post.forgetMentions(text, html(text, found, new LinkedHashMap<>()));
                topics.add(post.topicId());
            });
            rewritten += changes.size();
            forums.flushAndDetach(batch);
        }
        int revisions = 0;
        List<Long> revisionIds = forums.idsWithText(true, like);
        for (int from = 0; from < revisionIds.size(); from += MENTION_BATCH) {
            List<PostRevision> batch = forums.revisionsById(revisionIds.subList(from, Math.min(revisionIds.size(), from + MENTION_BATCH)));
            for (PostRevision revision : batch) {
                String text = former.apply(revision.bodyMarkdown());
                if (!text.equals(revision.bodyMarkdown())) {
                    revision.forgetMentions(text);
                    revisions++;
                }
            }
            forums.flushAndDetach(batch);
        }
        if (rewritten + revisions > 0) {
            staffLog.record(null, memberId, StaffAction.Kind.FORGET_MENTIONS, "posts that mentioned or quoted them",
                    Texts.get("forum.log.mentionsForgotten", rewritten, revisions));
        }
        return topics;
    }

    /** Creates a category ({@link ForumService} allows it to administrators only). */
    public ForumCategory createCategory(CategoryDraft draft) {
        checkCategory(draft, null);
        ForumCategory category = new ForumCategory(draft, now());
        forums.add(category);
        forums.flush();
        changed.fire(ForumChanged.categories());
        return category;
    }

    /**
     * Creates the category of an audience (such as a workgroup's private discussion area), read and
     * written only by those its {@link ForumAudience} admits; members-only whatever the draft says.
     */
    public ForumCategory createAudienceCategory(CategoryDraft draft, String audienceKey) {
        if (audienceKey == null || audienceKey.isBlank() || audienceKey.length() > ForumCategory.AUDIENCE_KEY_LENGTH) {
            throw new IllegalArgumentException("Audience key of 1 to " + ForumCategory.AUDIENCE_KEY_LENGTH + " characters: " + audienceKey);
        }
        CategoryDraft membersOnly = new CategoryDraft(draft.name(), draft.slug(), draft.description(), draft.conditions(),
                Visibility.MEMBERS, draft.position());
        checkCategory(membersOnly, null);
        ForumCategory category = new ForumCategory(membersOnly, audienceKey, now());
        forums.add(category);
        forums.flush();
        changed.fire(ForumChanged.categories());
        return category;
    }

    public ForumCategory updateCategory(long categoryId, CategoryDraft draft) {
        ForumCategory category = forums.category(categoryId)
                .orElseThrow(() -> new NoSuchForumItemException("No forum " + categoryId));
        checkCategory(draft, category.id());
        category.apply(draft);
        changed.fire(ForumChanged.categories());
        return category;
    }

    /** For moderation, a later step; tests lock topics through it. */
    public void setLocked(long topicId, boolean locked) {
        forums.lockTopic(topicId).orElseThrow(() -> new NoSuchForumItemException("No topic " + topicId)).lock(locked);
        changed.fire(new ForumChanged(topicId));
    }

    /** Pins or unpins a topic; see {@link #setLocked}. */
    public void setPinned(long topicId, boolean pinned) {
        forums.lockTopic(topicId).orElseThrow(() -> new NoSuchForumItemException("No topic " + topicId)).pin(pinned);
        changed.fire(new ForumChanged(topicId));
    }

    /**
     * A moderator's decision on a post: approve a held one, hide one, restore a hidden one (all to
     * {@link ReviewState#VISIBLE} or {@link ReviewState#HIDDEN}). Approving a held post counts it
     * in its category as a new post would have been. Refused unless {@code moderatorId} moderates.
     *
     * @return the post after the decision, with its topic and address (no username)
     */
    public ForumViews.ModeratedPost review(long moderatorId, long postId, ReviewState state) {
        requireModerator(moderatorId);
        if (state == ReviewState.HELD) {
            throw new IllegalArgumentException("A moderator approves, hides or restores; holding is for new members' posts");
        }
        return setReviewState(postId, state);
    }

    /**
     * Hides a post that enough established members flagged, until a moderator reviews it (no
     * moderator acts; the moderation context decides when).
     */
    public ForumViews.ModeratedPost hideForReview(long postId) {
        return setReviewState(postId, ReviewState.HIDDEN);
    }

    /** A moderator deletes a post: as the author's own deletion, the text kept in its revisions. */
    public ForumViews.ModeratedPost deleteAsModerator(long moderatorId, long postId) {
        requireModerator(moderatorId);
        Post post = forums.lockPost(postId).orElseThrow(() -> new NoSuchForumItemException("No post " + postId));
        if (!post.isDeleted()) {
            forums.add(post.delete(now()));
        }
        changed.fire(new ForumChanged(post.topicId()));
        return moderated(post);
    }

    /**
     * A privacy officer removes a post at its author's request (P-REMOVE-1): as a deletion, a
     * placeholder stays in the thread; unlike a deletion, no earlier text of the post is kept, not
     * even for staff ({@link #purgeRevisions}). Refused unless {@code officerId} is a privacy officer
     * or administrator.
     *
     * @param because what the staff log gives as the reason for the purge, such as the request
     */
    public ForumViews.ModeratedPost removeForPrivacy(long officerId, long postId, String because) {
        requirePrivacyOfficer(officerId);
        Post post = forums.lockPost(postId).orElseThrow(() -> new NoSuchForumItemException("No post " + postId));
        int replaced = 0;
        if (!post.isDeleted()) {
            post.delete(now());
            replaced = 1;
        }
        purgeRevisions(officerId, post, replaced, because);
        changed.fire(new ForumChanged(post.topicId()));
        return moderated(post);
    }

    /**
     * Erases every earlier text of the post in this transaction (decision 0030) and writes in the
     * staff log, without the text, that they were purged and why. {@code replaced} counts the text
     * just replaced, which was never written as a revision.
     */
    private void purgeRevisions(long officerId, Post post, int replaced, String because) {
        int purged = forums.deleteRevisions(List.of(post.id())) + replaced;
        staffLog.record(officerId, post.authorId() == null ? officerId : post.authorId(), StaffAction.Kind.PURGE_REVISIONS,
                "post " + post.id(), Texts.get("forum.log.purged.removal", purged, because));
    }

    /**
     * A privacy officer replaces a post's text with a redacted one at its author's request
     * (P-REMOVE-1). The new text is checked as a post's text is; the earlier ones are purged, even
     * for staff ({@link #purgeRevisions}), and pages, search and the page cache show the redacted
     * text from this transaction on. Nobody is notified of mentions in it.
     *
     * @throws InvalidInputException under {@code redacted} when the text is empty or too long
     */
    public ForumViews.ModeratedPost redactForPrivacy(long officerId, long postId, String markdown, String because) {
        requirePrivacyOfficer(officerId);
        Post post = lockUndeletedPost(postId);
        String html = checkedBody(markdown, "redacted", new LinkedHashMap<>());
        post.redact(markdown, html, now());
        purgeRevisions(officerId, post, 1, because);
        changed.fire(new ForumChanged(post.topicId()));
        return moderated(post);
    }

    /**
     * A moderator replaces a post's text (issue 7): checked as a post's text is; the earlier text is
     * kept as a {@link PostRevision.Reason#MODERATED} revision that only staff read, and pages, search
     * and the page cache show the new text from this transaction on. Nobody is notified of mentions.
     * Refused unless {@code moderatorId} moderates.
     *
     * @throws InvalidInputException under {@code body} when the text is empty or too long
     */
    public ForumViews.ModeratedPost editAsModerator(long moderatorId, long postId, String markdown) {
        requireModerator(moderatorId);
        Post post = lockUndeletedPost(postId);
        String html = checkedBody(markdown, "body", new LinkedHashMap<>());
        if (markdown.equals(post.bodyMarkdown())) {
            throw new InvalidInputException("body", Texts.get("moderation.edit.unchanged"));
        }
        forums.add(post.moderate(markdown, html, now()));
        changed.fire(new ForumChanged(post.topicId()));
        return moderated(post);
    }

    /**
     * An appeal granted (issue 7): the post gets back the text it had before the latest revision of
     * the kind {@code undone} ({@link PostRevision.Reason#DELETED} brings a deleted post back,
     * {@link PostRevision.Reason#MODERATED} undoes a moderator's edit), and is shown. The text it
     * replaces is kept as a {@link PostRevision.Reason#RESTORED} revision. Refused unless
     * {@code moderatorId} moderates; a post with no such revision is only shown.
     */
    public ForumViews.ModeratedPost restoreAsModerator(long moderatorId, long postId, PostRevision.Reason undone) {
        requireModerator(moderatorId);
        Post post = forums.lockPost(postId).orElseThrow(() -> new NoSuchForumItemException("No post " + postId));
        List<PostRevision> revisions = forums.revisions(postId);
        for (int i = revisions.size() - 1; i >= 0; i--) {
            PostRevision earlier = revisions.get(i);
            if (earlier.reason() == undone) {
                forums.add(post.restore(earlier.bodyMarkdown(), markdown.toHtml(earlier.bodyMarkdown(), 3, mentionLinks(earlier.bodyMarkdown())),
                        now()));
                break;
            }
        }
        return setReviewState(postId, ReviewState.VISIBLE);
    }

    /** A post whatever its state, with its topic and address, for a moderator. */
    public ForumViews.ModeratedPost postForModerator(long moderatorId, long postId) {
        requireModerator(moderatorId);
        return moderated(forums.post(postId).orElseThrow(() -> new NoSuchForumItemException("No post " + postId)));
    }

    /** The earlier texts of a post, oldest first, for a moderator (staff only: never shown to members). */
    public List<PostRevision> revisionsForModerator(long moderatorId, long postId) {
        requireModerator(moderatorId);
        return forums.revisions(postId);
    }

    /**
     * A moderator moves a topic to another forum (issue 7). Its id and slug stay, so its address and
     * every link to its posts keep working; both forums' counters follow and the page cache forgets
     * every forum page. Refused unless {@code moderatorId} moderates.
     *
     * @throws InvalidInputException under {@code category} when there is no such forum, it is the topic's own,
     *         or either forum is a group's discussion area (decision 0046)
     */
    public ForumViews.MovedTopic moveTopic(long moderatorId, long topicId, Long categoryId) {
        requireModerator(moderatorId);
        Topic topic = forums.lockTopic(topicId).orElseThrow(() -> new NoSuchForumItemException("No topic " + topicId));
        ForumCategory from = forums.category(topic.categoryId()).orElseThrow();
        ForumCategory to = categoryId == null ? null : forums.category(categoryId).orElse(null);
        if (to == null) {
            throw new InvalidInputException("category", Texts.get("moderation.move.category.required"));
        }
        if (to.id().equals(from.id())) {
            throw new InvalidInputException("category", Texts.get("moderation.move.category.same"));
        }
        if (from.audienceKey() != null || to.audienceKey() != null) {
            // A group's discussion is read by its audience only: moving it out would publish it, moving in would hide it.
            throw new InvalidInputException("category", Texts.get("moderation.move.category.audience"));
        }
        int posts = forums.countedPosts(topicId);
        int topics = posts > 0 && forums.posts(topicId, 0, 1).stream().noneMatch(Post::isHeld) ? 1 : 0;
        forums.moveCounts(from.id(), -topics, -posts);
        forums.moveCounts(to.id(), topics, posts);
        forums.touchCategory(to.id(), topic.lastActivityAt());
        topic.moveTo(to.id());
        changed.fire(new ForumChanged(topicId));
        changed.fire(ForumChanged.categories());
        return new ForumViews.MovedTopic(topic, from.name(), to.name());
    }

    /** A moderator locks or pins a topic. */
    public void setTopicState(long moderatorId, long topicId, Boolean locked, Boolean pinned) {
        requireModerator(moderatorId);
        if (locked != null) {
            setLocked(topicId, locked);
        }
        if (pinned != null) {
            setPinned(topicId, pinned);
        }
    }

    /**
     * The member's own post, whatever its state, with its topic and address (for an appeal).
     *
     * @throws NoSuchForumItemException when there is no such post or it is someone else's
     */
    public ForumViews.ModeratedPost ownPostForAppeal(long memberId, long postId) {
        Post post = forums.post(postId).filter(p -> p.authorId() != null && p.authorId() == memberId)
                .orElseThrow(() -> new NoSuchForumItemException("No post " + postId));
        return moderated(post);
    }

    private ForumViews.ModeratedPost moderated(Post post) {
        Topic topic = forums.topicsById(java.util.List.of(post.topicId())).get(post.topicId());
        return new ForumViews.ModeratedPost(post, topic, null, topic.path(post.page()) + "#post-" + post.number());
    }

    private ForumViews.ModeratedPost setReviewState(long postId, ReviewState state) {
        Post post = forums.lockPost(postId).orElseThrow(() -> new NoSuchForumItemException("No post " + postId));
        ReviewState before = post.reviewState();
        post.review(state);
        if (before == ReviewState.HELD && state == ReviewState.VISIBLE) {
            approved(post);
        }
        changed.fire(new ForumChanged(post.topicId()));
        return moderated(post);
    }

    /**
     * A held post is approved: it does now what posting it would have done (decision 0020): counted
     * in its category, the topic's latest post and activity, its mentions mailed (once: a post is
     * approved once, and nothing was mailed while it was held), and watchers told.
     */
    private void approved(Post post) {
        Topic topic = forums.lockTopic(post.topicId()).orElseThrow();
        OffsetDateTime now = now();
        countShown(topic, post, now);
        if (post.authorId() != null) {
            topic.approvedPost(post.authorId(), now);
            Map<String, MemberDirectory.Mentioned> mentioned = new LinkedHashMap<>();
            Set<String> names = markdown.mentions(post.bodyMarkdown());
            if (!names.isEmpty()) {
                Map<String, MemberDirectory.Mentioned> found = directory.byUsernames(names);
                lowerCase(names).stream().filter(found::containsKey).forEach(name -> mentioned.put(name, found.get(name)));
            }
            forums.flush();
            notifyMentions(post.authorId(), topic, post, mentioned, Set.of());
        }
        watchNotifier.approved(post.id());
    }

    private void requireModerator(long memberId) {
        if (!directory.isModerator(memberId)) {
            throw new PostingRefusedException(Texts.get("moderation.refused.notModerator"));
        }
    }

    private void requirePrivacyOfficer(long memberId) {
        if (!directory.isPrivacyOfficer(memberId)) {
            throw new PostingRefusedException(Texts.get("removal.refused.notOfficer"));
        }
    }

    /** Whether this post of the member waits for approval: one of their first {@link HeldPosts#count()}. */
    private boolean mustHold(long memberId) {
        int count = heldPosts.count();
        return count > 0 && forums.postCountBy(memberId) < count && !directory.isModerator(memberId);
    }

    private Post ownPost(long memberId, long postId) {
        Post post = forums.lockPost(postId).orElseThrow(() -> new NoSuchForumItemException("No post " + postId));
        if (post.authorId() == null || post.authorId() != memberId) {
            throw new PostingRefusedException(Texts.get("forum.refused.notYours"));
        }
        if (post.isDeleted()) {
            throw new PostingRefusedException(Texts.get("forum.refused.deleted"));
        }
        return post;
    }

    /** Standing, policies and forum rules, in the order a member can fix them. */
    private MemberDirectory.Poster checkPoster(long memberId) {
        MemberDirectory.Poster poster = directory.poster(memberId)
                .orElseThrow(() -> new PostingRefusedException(Texts.get("forum.refused.noAccount")));
        if (!poster.mayPost()) {
            throw new PostingRefusedException(Texts.get("forum.refused.mayNotPost"));
        }
        if (poster.isSilenced()) {
            throw new PostingRefusedException(Texts.get("forum.refused.silenced",
                    org.colloquy.account.MemberSanctions.when(poster.silencedUntil()), poster.silenceReason()));
        }
        policies.requireCurrentAcceptance(memberId);
        if (!policies.hasAcceptedCurrent(memberId, PolicyKind.FORUM_RULES)) {
            throw new ForumRulesRequiredException(policies.current(PolicyKind.FORUM_RULES).map(PolicyVersion::number).orElse(0));
        }
        return poster;
    }

    /**
     * Saves a new post, numbered {@code number} in the topic. A post held for approval is counted
     * nowhere yet, mails no mentions and is announced to moderators ({@link PostHeld}); any other is
     * counted in its category at once. Either way its author watches the topic ({@link #afterPosting})
     * and the page cache is told.
     */
    private Post addPost(long memberId, Topic topic, int number, String body, String html,
            Map<String, MemberDirectory.Mentioned> mentioned, boolean hold, OffsetDateTime now) {
        Post post = new Post(topic.id(), number, memberId, body, html, now);
        if (hold) {
            post.review(ReviewState.HELD);
        } else {
            countShown(topic, post, now);
        }
        forums.add(post);
        afterPosting(memberId, topic, post, hold ? Map.of() : mentioned, Set.of());
        if (hold) {
            held.fire(new PostHeld(post.id(), topic.id(), memberId));
        }
        changed.fire(new ForumChanged(topic.id()));
        return post;
    }

    /** A post members now see counts in its category: the first of its topic as a new topic, any other as a post. */
    private void countShown(Topic topic, Post post, OffsetDateTime now) {
        if (post.number() == 1) {
            forums.countTopic(topic.categoryId(), now);
        } else {
            forums.countPost(topic.categoryId(), now);
        }
    }

    /**
     * After a new post: its author watches the topic (as Discourse does) and has read it up to
     * their post; members it mentions are told.
     */
    private void afterPosting(long memberId, Topic topic, Post post, Map<String, MemberDirectory.Mentioned> mentioned,
            Set<String> mentionedBefore) {
        forums.flush();
        watches.watchTopic(memberId, topic.id());
        watches.markRead(memberId, topic.id(), post.number());
        notifyMentions(memberId, topic, post, mentioned, mentionedBefore);
    }

    /**
     * One mail to each member the post mentions (FORUM_MENTION), at most {@link #MAX_MENTIONS_NOTIFIED}:
     * not the author, not a member the post already mentioned before an edit. Usernames only (P-FORUM-1).
     */
    private void notifyMentions(long authorId, Topic topic, Post post, Map<String, MemberDirectory.Mentioned> mentioned,
            Set<String> mentionedBefore) {
        // Mentions inside quotes repeat someone else's words: only the quoted author is told (a reply notice).
        Set<String> quotedNames = quoted(post.bodyMarkdown());
        Set<String> own = lowerCase(markdown.mentions(post.bodyMarkdown(), false));
        Map<Long, MemberDirectory.Mentioned> told = new LinkedHashMap<>();
        for (Map.Entry<String, MemberDirectory.Mentioned> entry : mentioned.entrySet()) {
            boolean tell = own.contains(entry.getKey()) || quotedNames.contains(entry.getKey());
            if (tell && told.size() < MAX_MENTIONS_NOTIFIED && entry.getValue().id() != authorId
                    && !mentionedBefore.contains(entry.getKey())) {
                told.put(entry.getValue().id(), entry.getValue());
            }
        }
        if (told.isEmpty()) {
            return;
        }
        ForumCategory category = forums.category(topic.categoryId()).orElseThrow();
        Map<Long, String> to = addresses.notifiable(told.keySet());
        String author = directory.usernames(Set.of(authorId)).get(authorId);
        if (author == null) {
            return;
        }
        to.forEach((member, address) -> {
            if (!audiences.mayRead(category, member)) {
                return; // a member outside the category's audience learns nothing of it
            }
            if (quotedNames.contains(Usernames.key(told.get(member).username()))) {
                mails.reply(address, author, topic, post);
            } else {
                mails.mention(address, author, topic, post);
            }
        });
    }

    /**
     * The members whose posts this text quotes, by lower-case username: the quote lines the post
     * form writes ({@code > @ada wrote:}, see {@code PostFormBacking.quoted}). A quoted member is
     * told with a reply notice (FORUM_REPLY) instead of a mention.
     */
    static Set<String> quoted(String markdown) {
        String[] around = Texts.get("forum.quote.wrote", "@\u0000").split("\u0000", 2);
        Pattern header = Pattern.compile("^ {0,3}>\\s*" + Pattern.quote(around[0]) + "([A-Za-z0-9_.-]{3,30})"
                + Pattern.quote(around.length > 1 ? around[1] : ""), Pattern.MULTILINE);
        Set<String> names = new LinkedHashSet<>();
        Matcher m = header.matcher(markdown);
        while (m.find()) {
            names.add(Usernames.key(m.group(1)));
        }
        return names;
    }

    private static Set<String> lowerCase(Set<String> names) {
        Set<String> lower = new LinkedHashSet<>();
        names.forEach(n -> lower.add(n.toLowerCase(Locale.ROOT)));
        return lower;
    }

    /**
     * The safe HTML of a post's text, or a problem with it under {@code body}. Each {@code @name}
     * of a current member becomes a link to their page; those members are put into {@code mentioned}
     * by lower-case username.
     */
    private String checkBody(String body, Map<String, String> problems, Map<String, MemberDirectory.Mentioned> mentioned) {
        if (body == null || body.isBlank()) {
            problems.put("body", Texts.get("forum.body.required"));
            return null;
        }
        if (body.length() > Post.MAX_LENGTH) {
            problems.put("body", Texts.get("forum.body.tooLong", Post.MAX_LENGTH, body.length()));
            return null;
        }
        Set<String> names = markdown.mentions(body);
        String html = html(body, names.isEmpty() ? Map.of() : directory.byUsernames(names), mentioned);
        if (isEmptyHtml(html)) {
            problems.put("body", Texts.get("forum.body.emptyAfterCleaning"));
            return null;
        }
        return html;
    }

    /**
     * The safe HTML of the Markdown, each {@code @name} of a member in {@code found} (by lower-case
     * username) a link to their page and put into {@code mentioned}.
     */
    private String html(String body, Map<String, MemberDirectory.Mentioned> found, Map<String, MemberDirectory.Mentioned> mentioned) {
        Map<String, String> links = new LinkedHashMap<>();
        for (String name : lowerCase(markdown.mentions(body))) {
            MemberDirectory.Mentioned member = found.get(name);
            if (member != null) {
                mentioned.put(name, member);
                links.put(name, "/u/" + member.username());
            }
        }
        return markdown.toHtml(body, 3, links);
    }

    /** A post locked for a staff change of its text; a deleted one has no text to change. */
    private Post lockUndeletedPost(long postId) {
        Post post = forums.lockPost(postId).orElseThrow(() -> new NoSuchForumItemException("No post " + postId));
        if (post.isDeleted()) {
            throw new PostingRefusedException(Texts.get("forum.refused.deleted"));
        }
        return post;
    }

    /**
     * The safe HTML of a post's text ({@link #checkBody}), or an {@link InvalidInputException} with its
     * problem under {@code field}. Staff texts pass an empty {@code mentioned} that nobody reads: no
     * mentions are notified.
     */
    private String checkedBody(String markdown, String field, Map<String, MemberDirectory.Mentioned> mentioned) {
        Map<String, String> problems = new LinkedHashMap<>();
        String html = checkBody(markdown, problems, mentioned);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(field, problems.get("body"));
        }
        return html;
    }

    /** Links for the {@code @name}s of current members in a text put back (nobody is notified again). */
    private Map<String, String> mentionLinks(String body) {
        Map<String, String> links = new LinkedHashMap<>();
        Set<String> names = markdown.mentions(body);
        if (!names.isEmpty()) {
            directory.byUsernames(names).forEach((name, member) -> links.put(name, "/u/" + member.username()));
        }
        return links;
    }

    /** True when the HTML has no visible text: only tags and white space. */
    static boolean isEmptyHtml(String html) {
        String text = html.replaceAll("<[^>]*>", "").replace("&nbsp;", " ").replace("&#160;", " ");
        return text.isBlank();
    }

    private void throttle(long memberId, MemberDirectory.Poster poster, OffsetDateTime now) {
        boolean isNew = poster.memberSince().isAfter(now.minus(NEW_MEMBER));
        throttle.attempt((isNew ? "forum-post-new:" : "forum-post:") + memberId, isNew ? POSTING_NEW_MEMBER : POSTING);
    }

    private void checkCategory(CategoryDraft draft, Long exceptId) {
        Map<String, String> problems = new LinkedHashMap<>();
        String name = draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty()) {
            problems.put("name", Texts.get("forum.category.name.required"));
        } else if (name.length() > ForumCategory.NAME_LENGTH) {
            problems.put("name", Texts.get("forum.category.name.tooLong", ForumCategory.NAME_LENGTH));
        }
        String slug = draft.slug() == null ? "" : draft.slug().strip();
        if (slug.length() < Slugs.CATEGORY_MIN || slug.length() > ForumCategory.SLUG_LENGTH || !Slugs.CATEGORY.matcher(slug).matches()) {
            problems.put("slug", Texts.get("forum.category.slug.invalid", Slugs.CATEGORY_MIN, ForumCategory.SLUG_LENGTH));
        } else if (forums.categoryBySlug(slug).filter(c -> !c.id().equals(exceptId)).isPresent()) {
            problems.put("slug", Texts.get("forum.category.slug.taken"));
        }
        if (draft.description() != null && draft.description().strip().length() > ForumCategory.DESCRIPTION_LENGTH) {
            problems.put("description", Texts.get("forum.category.description.tooLong", ForumCategory.DESCRIPTION_LENGTH));
        }
        if (draft.conditions() != null && draft.conditions().length() > ForumCategory.CONDITIONS_LENGTH) {
            problems.put("conditions", Texts.get("forum.category.conditions.tooLong", ForumCategory.CONDITIONS_LENGTH));
        }
        if (draft.visibility() == null) {
            problems.put("visibility", Texts.get("forum.category.visibility.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
