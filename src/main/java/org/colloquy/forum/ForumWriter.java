package org.colloquy.forum;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.colloquy.account.MemberDirectory;
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

    /** Tells the page cache (and anyone else) what changed; observed after the commit. */
    @Inject
    private Event<ForumChanged> changed;

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
        String html = checkBody(body, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        throttle(memberId, poster, now);
        Topic topic = new Topic(category.id(), cleanTitle, memberId, now);
        forums.add(topic);
        forums.flush();
        int number = topic.addPost(memberId, now);
        forums.add(new Post(topic.id(), number, memberId, body, html, now));
        forums.countTopic(category.id(), now);
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
        String html = checkBody(body, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        throttle(memberId, poster, now);
        int number = topic.addPost(memberId, now);
        Post post = new Post(topic.id(), number, memberId, body, html, now);
        forums.add(post);
        forums.countPost(topic.categoryId(), now);
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
        String html = checkBody(body, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        forums.add(post.edit(body, html, now));
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
        policies.requireCurrentAcceptance(memberId);
        if (!policies.hasAcceptedCurrent(memberId, PolicyKind.FORUM_RULES)) {
            throw new ForumRulesRequiredException(policies.current(PolicyKind.FORUM_RULES).map(PolicyVersion::number).orElse(0));
        }
        return poster;
    }

    /** The safe HTML of a post's text, or a problem with it under {@code body}. */
    private String checkBody(String body, Map<String, String> problems) {
        if (body == null || body.isBlank()) {
            problems.put("body", Texts.get("forum.body.required"));
            return null;
        }
        if (body.length() > Post.MAX_LENGTH) {
            problems.put("body", Texts.get("forum.body.tooLong", Post.MAX_LENGTH, body.length()));
            return null;
        }
        String html = markdown.toHtml(body, 3);
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
