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
 * A member watching one topic or one category: new posts there are mailed to them in batches by
 * {@link WatchNotifier}. {@code lastPostId} is the id of the newest post already dealt with; the
 * sweep moves it forward with a conditional update, which is its claim on the posts it mails.
 */
@Entity
@Table(name = "forum_watch")
@NamedQuery(name = "ForumWatch.ofTopic", query = "SELECT w FROM ForumWatch w WHERE w.memberId = :member AND w.topicId = :topic")
@NamedQuery(name = "ForumWatch.ofCategory", query = "SELECT w FROM ForumWatch w WHERE w.memberId = :member AND w.categoryId = :category")
@NamedQuery(name = "ForumWatch.due", query = "SELECT w.id FROM ForumWatch w WHERE"
        + " (w.topicId IS NOT NULL AND EXISTS (SELECT p.id FROM Post p WHERE p.topicId = w.topicId AND p.id > w.lastPostId))"
        + " OR (w.categoryId IS NOT NULL AND EXISTS (SELECT p.id FROM Post p, Topic t WHERE t.categoryId = w.categoryId"
        + " AND p.topicId = t.id AND p.id > w.lastPostId)) ORDER BY w.id")
@NamedQuery(name = "ForumWatch.claim", query = "UPDATE ForumWatch w SET w.lastPostId = :upTo, w.lastNotifiedAt = :now"
        + " WHERE w.id = :id AND w.lastPostId = :from")
@NamedQuery(name = "ForumWatch.topicsWatched", query = "SELECT w.topicId FROM ForumWatch w WHERE w.memberId = :member"
        + " AND w.topicId IN :topics")
public class ForumWatch {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "member_id", nullable = false)
    private long memberId;

    @Column(name = "topic_id")
    private Long topicId;

    @Column(name = "category_id")
    private Long categoryId;

    @Column(name = "since", nullable = false)
    private OffsetDateTime since;

    @Column(name = "last_post_id", nullable = false)
    private long lastPostId;

    @Column(name = "last_notified_at")
    private OffsetDateTime lastNotifiedAt;

    protected ForumWatch() {
        // for JPA
    }

    private ForumWatch(long memberId, Long topicId, Long categoryId, long lastPostId, OffsetDateTime since) {
        this.memberId = memberId;
        this.topicId = topicId;
        this.categoryId = categoryId;
        this.lastPostId = lastPostId;
        this.since = Objects.requireNonNull(since);
    }

    static ForumWatch ofTopic(long memberId, long topicId, long lastPostId, OffsetDateTime since) {
        return new ForumWatch(memberId, topicId, null, lastPostId, since);
    }

    static ForumWatch ofCategory(long memberId, long categoryId, long lastPostId, OffsetDateTime since) {
        return new ForumWatch(memberId, null, categoryId, lastPostId, since);
    }

    public Long id() {
        return id;
    }

    public long memberId() {
        return memberId;
    }

    public Long topicId() {
        return topicId;
    }

    public Long categoryId() {
        return categoryId;
    }

    public OffsetDateTime since() {
        return since;
    }

    public long lastPostId() {
        return lastPostId;
    }

    public OffsetDateTime lastNotifiedAt() {
        return lastNotifiedAt;
    }
}
