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
 * A thread in a category. Its author and latest poster are member ids (the page shows their
 * usernames only, P-FORUM-1); the post counter also numbers the posts. Locked and pinned are
 * set by moderation (a later step); a locked topic takes no posts.
 */
@Entity
@Table(name = "forum_topic")
@NamedQuery(name = "Topic.withCategory", query = "SELECT t, c FROM Topic t, ForumCategory c"
        + " WHERE t.id = :id AND c.id = t.categoryId")
@NamedQuery(name = "Topic.ofCategory", query = "SELECT t FROM Topic t WHERE t.categoryId = :category"
        + " AND NOT EXISTS (SELECT p.id FROM Post p WHERE p.topicId = t.id AND p.number = 1 AND p.reviewState = 'HELD')"
        + " ORDER BY t.pinned DESC, t.lastActivityAt DESC, t.id DESC")
public class Topic {

    public static final int TITLE_LENGTH = 150;
    public static final int SLUG_LENGTH = 80;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "category_id", nullable = false)
    private long categoryId;

    @Column(name = "title", length = TITLE_LENGTH, nullable = false)
    private String title;

    @Column(name = "slug", length = SLUG_LENGTH, nullable = false)
    private String slug;

    @Column(name = "author_id")
    private Long authorId;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "last_activity_at", nullable = false)
    private OffsetDateTime lastActivityAt;

    @Column(name = "last_author_id")
    private Long lastAuthorId;

    @Column(name = "post_count", nullable = false)
    private int postCount;

    @Column(name = "locked", nullable = false)
    private boolean locked;

    @Column(name = "pinned", nullable = false)
    private boolean pinned;

    protected Topic() {
        // for JPA
    }

    Topic(long categoryId, String title, long authorId, OffsetDateTime now) {
        this.categoryId = categoryId;
        this.title = Objects.requireNonNull(title);
        this.slug = Slugs.of(title, SLUG_LENGTH, "topic");
        this.authorId = authorId;
        this.createdAt = Objects.requireNonNull(now);
        this.lastActivityAt = now;
    }

    /** Counts a new post by this author and returns its number. */
    int addPost(long author, OffsetDateTime at) {
        postCount++;
        lastActivityAt = at;
        lastAuthorId = author;
        return postCount;
    }

    /** A held post was approved: it is now the topic's latest activity and its author the latest poster. */
    void approvedPost(long author, OffsetDateTime at) {
        lastActivityAt = at;
        lastAuthorId = author;
    }

    /** Counts a held post: it takes a number, but the topic's latest activity and poster stay (nobody else sees it yet). */
    int addHeldPost() {
        return ++postCount;
    }

    void lock(boolean locked) {
        this.locked = locked;
    }

    /** Moves the topic to another category (a moderator's decision); its id and slug, and so its address, stay. */
    void moveTo(long categoryId) {
        this.categoryId = categoryId;
    }

    void pin(boolean pinned) {
        this.pinned = pinned;
    }

    public Long id() {
        return id;
    }

    public long categoryId() {
        return categoryId;
    }

    public String title() {
        return title;
    }

    public String slug() {
        return slug;
    }

    public Long authorId() {
        return authorId;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime lastActivityAt() {
        return lastActivityAt;
    }

    public Long lastAuthorId() {
        return lastAuthorId;
    }

    public int postCount() {
        return postCount;
    }

    public boolean isLocked() {
        return locked;
    }

    public boolean isPinned() {
        return pinned;
    }

    /** The topic's address, {@code /t/12/how-to-start}. */
    public String path() {
        return "/t/" + id + "/" + slug;
    }

    /** The address of one page of the topic; page 1 has no parameter. */
    public String path(int page) {
        return page <= 1 ? path() : path() + "?page=" + page;
    }

    public int pages() {
        return Math.max(1, (postCount + ForumService.POSTS_PER_PAGE - 1) / ForumService.POSTS_PER_PAGE);
    }

    @Override
    public String toString() {
        return "Topic[" + id + " " + slug + "]";
    }
}
