package org.colloquy.forum;

import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One message in a topic: its author's member id, the Markdown the author wrote and the safe HTML
 * made from it once ({@link org.colloquy.platform.text.Markdown}), its number in the topic. An edit
 * keeps the earlier text as a {@link PostRevision}; a deletion by the author empties the post and
 * leaves it in place as a placeholder, so that numbers and pages do not move.
 */
@Entity
@Table(name = "forum_post")
@NamedQuery(name = "Post.range", query = "SELECT p FROM Post p WHERE p.topicId = :topic"
        + " AND p.number > :after AND p.number <= :upTo ORDER BY p.number")
@NamedQuery(name = "Post.byNumber", query = "SELECT p FROM Post p WHERE p.topicId = :topic AND p.number = :number")
@NamedQuery(name = "Post.recentByAuthor", query = "SELECT p, t FROM Post p, Topic t, ForumCategory c WHERE p.authorId = :author"
        + " AND p.deleted = FALSE AND p.reviewState = 'VISIBLE' AND t.id = p.topicId AND c.id = t.categoryId AND c.visibility IN :visibilities AND c.audienceKey IS NULL"
        + " ORDER BY p.createdAt DESC, p.id DESC")
@NamedQuery(name = "Post.countByAuthor", query = "SELECT COUNT(p) FROM Post p WHERE p.authorId = :author"
        + " AND p.deleted = FALSE AND p.reviewState = 'VISIBLE'")
public class Post {

    /** The most a post's Markdown may hold. */
    public static final int MAX_LENGTH = 20_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "topic_id", nullable = false)
    private long topicId;

    @Column(name = "post_number", nullable = false)
    private int number;

    @Column(name = "author_id")
    private Long authorId;

    @Column(name = "body_markdown", nullable = false)
    private String bodyMarkdown;

    @Column(name = "body_html", nullable = false)
    private String bodyHtml;

    /** The words of the safe HTML, for search (V9): kept with the HTML by every write. */
    @Column(name = "body_text", nullable = false)
    private String bodyText;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "edited_at")
    private OffsetDateTime editedAt;

    @Column(name = "deleted", nullable = false)
    private boolean deleted;

    @Column(name = "deleted_at")
    private OffsetDateTime deletedAt;

    /** VISIBLE, HELD or HIDDEN (V13): only a visible post is shown to anyone but its author. */
    @Column(name = "review_state", length = 10, nullable = false)
    private String reviewState = ReviewState.VISIBLE.name();

    protected Post() {
        // for JPA
    }

    Post(long topicId, int number, long authorId, String markdown, String html, OffsetDateTime now) {
        this.topicId = topicId;
        this.number = number;
        this.authorId = authorId;
        this.bodyMarkdown = Objects.requireNonNull(markdown);
        this.bodyHtml = Objects.requireNonNull(html);
        this.bodyText = PostText.ofHtml(html);
        this.createdAt = Objects.requireNonNull(now);
    }

    /** @return the revision keeping the text it had */
    PostRevision edit(String markdown, String html, OffsetDateTime now) {
        return replace(markdown, html, now, PostRevision.Reason.EDITED);
    }

    /** A privacy officer's redaction (P-REMOVE-1): as an edit, but the revision says why. @return the revision keeping the text it had */
    PostRevision redact(String markdown, String html, OffsetDateTime now) {
        return replace(markdown, html, now, PostRevision.Reason.REDACTED);
    }

    /** A moderator's edit with a reason (issue 7): as an edit, but the revision says who changed it. @return the revision keeping the text it had */
    PostRevision moderate(String markdown, String html, OffsetDateTime now) {
        return replace(markdown, html, now, PostRevision.Reason.MODERATED);
    }

    /**
     * An appeal granted: the text {@code markdown} (an earlier revision's) is back, and a deleted post
     * is shown again. @return the revision keeping the text it replaced
     */
    PostRevision restore(String markdown, String html, OffsetDateTime now) {
        PostRevision replaced = replace(markdown, html, now, PostRevision.Reason.RESTORED);
        this.deleted = false;
        this.deletedAt = null;
        return replaced;
    }

    private PostRevision replace(String markdown, String html, OffsetDateTime now, PostRevision.Reason reason) {
        PostRevision earlier = new PostRevision(id, bodyMarkdown, editedAt == null ? createdAt : editedAt, now, reason);
        this.bodyMarkdown = Objects.requireNonNull(markdown);
        this.bodyHtml = Objects.requireNonNull(html);
        this.bodyText = PostText.ofHtml(html);
        this.editedAt = now;
        return earlier;
    }

    /** @return the revision keeping the text it had */
    PostRevision delete(OffsetDateTime now) {
        PostRevision earlier = new PostRevision(id, bodyMarkdown, editedAt == null ? createdAt : editedAt, now,
                PostRevision.Reason.DELETED);
        this.bodyMarkdown = "";
        this.bodyHtml = "";
        this.bodyText = "";
        this.deleted = true;
        this.deletedAt = now;
        return earlier;
    }

    /**
     * The names of a deleted member taken out of this post (P-ACCOUNT-2): not an edit by its author,
     * so no revision is kept (it would hold the name) and the post does not read as edited.
     */
    void forgetMentions(String markdown, String html) {
        this.bodyMarkdown = Objects.requireNonNull(markdown);
        this.bodyHtml = Objects.requireNonNull(html);
        this.bodyText = PostText.ofHtml(html);
    }

    void review(ReviewState state) {
        this.reviewState = state.name();
    }

    public ReviewState reviewState() {
        return ReviewState.valueOf(reviewState);
    }

    /** Shown to everyone who may read the topic (not held for approval, not hidden by moderation). */
    public boolean isVisible() {
        return ReviewState.VISIBLE.name().equals(reviewState);
    }

    /** A new member's post waiting for a moderator's approval: its author sees "awaiting review". */
    public boolean isHeld() {
        return ReviewState.HELD.name().equals(reviewState);
    }

    public boolean isHidden() {
        return ReviewState.HIDDEN.name().equals(reviewState);
    }

    public Long id() {
        return id;
    }

    public long topicId() {
        return topicId;
    }

    public int number() {
        return number;
    }

    public Long authorId() {
        return authorId;
    }

    public String bodyMarkdown() {
        return bodyMarkdown;
    }

    public String bodyHtml() {
        return bodyHtml;
    }

    /** The plain text of the post (no markup), what search matches. */
    public String bodyText() {
        return bodyText;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime editedAt() {
        return editedAt;
    }

    public boolean isEdited() {
        return editedAt != null;
    }

    public boolean isDeleted() {
        return deleted;
    }

    /** The page of its topic this post is on. */
    public int page() {
        return (number - 1) / ForumService.POSTS_PER_PAGE + 1;
    }

    @Override
    public String toString() {
        return "Post[" + id + " #" + number + " of topic " + topicId + "]";
    }
}
