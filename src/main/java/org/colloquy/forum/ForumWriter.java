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
    private WatchNotifier watchNotifier;

    /** Starts a topic with its first post. */
    public Topic startTopic(long memberId, long categoryId, String title, String body) {
        OffsetDateTime now = now();
        MemberDirectory.Poster poster = checkPoster(memberId);
        ForumCategory category = forums.category(categoryId)
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
        int number = topic.addPost(memberId, now);
        Post post = new Post(topic.id(), number, memberId, body, html, now);
        if (hold) {
            post.review(ReviewState.HELD);
        } else {
            forums.countTopic(category.id(), now);
        }
        forums.add(post);
        afterPosting(memberId, topic, post, hold ? Map.of() : mentioned, Set.of());
        if (hold) {
            held.fire(new PostHeld(post.id(), topic.id(), memberId));
        }
        changed.fire(new ForumChanged(topic.id()));
        return topic;
    }

    /** Adds a post at the end of a topic. */
    public Post reply(long memberId, long topicId, String body) {
        OffsetDateTime now = now();
        MemberDirectory.Poster poster = checkPoster(memberId);
        Topic topic = forums.lockTopic(topicId).orElseThrow(() -> new NoSuchForumItemException("No topic " + topicId));
        if (topic.isLocked()) {
            throw new PostingRefusedException(Texts.get("forum.refused.locked"));
        }
        Map<String, String> problems = new LinkedHashMap<>();
        Map<String, MemberDirectory.Mentioned> mentioned = new LinkedHashMap<>();
        String html = checkBody(body, problems, mentioned);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        throttle(memberId, poster, now);
        boolean hold = mustHold(memberId);
        int number = hold ? topic.addHeldPost() : topic.addPost(memberId, now);
        Post post = new Post(topic.id(), number, memberId, body, html, now);
        if (hold) {
            post.review(ReviewState.HELD);
        } else {
            forums.countPost(topic.categoryId(), now);
        }
        forums.add(post);
        afterPosting(memberId, topic, post, hold ? Map.of() : mentioned, Set.of());
        if (hold) {
            held.fire(new PostHeld(post.id(), topic.id(), memberId));
        }
        changed.fire(new ForumChanged(topic.id()));
        return post;
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
        Map<String, String> problems = new LinkedHashMap<>();
        Map<String, MemberDirectory.Mentioned> mentioned = new LinkedHashMap<>();
        String html = checkBody(body, problems, mentioned);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
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
     * "a former member") or become placeholders, as a post its author deleted, without the earlier
     * texts a deleted post otherwise keeps.
     */
    public void formerMember(long memberId, boolean keepPosts) {
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
            forums.deleteRevisions(posts.stream().map(Post::id).toList());
        }
        posts.forEach(post -> topics.add(post.topicId()));
        topics.forEach(topic -> changed.fire(new ForumChanged(topic)));
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
     * placeholder stays in the thread and the text only in its revisions, which staff alone read.
     * Refused unless {@code officerId} is a privacy officer or administrator.
     */
    public ForumViews.ModeratedPost removeForPrivacy(long officerId, long postId) {
        requirePrivacyOfficer(officerId);
        Post post = forums.lockPost(postId).orElseThrow(() -> new NoSuchForumItemException("No post " + postId));
        if (!post.isDeleted()) {
            forums.add(post.delete(now()));
        }
        changed.fire(new ForumChanged(post.topicId()));
        return moderated(post);
    }

    /**
     * A privacy officer replaces a post's text with a redacted one at its author's request
     * (P-REMOVE-1). The new text is checked as a post's text is; the earlier one is kept as a
     * {@link PostRevision.Reason#REDACTED} revision for staff only, and pages, search and the page
     * cache show the redacted text from this transaction on. Nobody is notified of mentions in it.
     *
     * @throws InvalidInputException under {@code redacted} when the text is empty or too long
     */
    public ForumViews.ModeratedPost redactForPrivacy(long officerId, long postId, String markdown) {
        requirePrivacyOfficer(officerId);
        Post post = forums.lockPost(postId).orElseThrow(() -> new NoSuchForumItemException("No post " + postId));
        if (post.isDeleted()) {
            throw new PostingRefusedException(Texts.get("forum.refused.deleted"));
        }
        Map<String, String> problems = new LinkedHashMap<>();
        String html = checkBody(markdown, problems, new LinkedHashMap<>());
        if (!problems.isEmpty()) {
            throw new InvalidInputException("redacted", problems.get("body"));
        }
        forums.add(post.redact(markdown, html, now()));
        changed.fire(new ForumChanged(post.topicId()));
        return moderated(post);
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
        if (post.number() == 1) {
            forums.countTopic(topic.categoryId(), now);
        } else {
            forums.countPost(topic.categoryId(), now);
        }
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
        if (author == null || !ForumService.mayRead(category, true)) {
            return;
        }
        to.forEach((member, address) -> {
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
        Map<String, String> links = new LinkedHashMap<>();
        if (!names.isEmpty()) {
            Map<String, MemberDirectory.Mentioned> found = directory.byUsernames(names);
            for (String name : lowerCase(names)) {
                MemberDirectory.Mentioned member = found.get(name);
                if (member != null) {
                    mentioned.put(name, member);
                    links.put(name, "/u/" + member.username());
                }
            }
        }
        String html = markdown.toHtml(body, 3, links);
        if (isEmptyHtml(html)) {
            problems.put("body", Texts.get("forum.body.emptyAfterCleaning"));
            return null;
        }
        return html;
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
