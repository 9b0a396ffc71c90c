package org.colloquy.moderation;

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
 * An item of the review queue: a flagged post or a held one. A moderator claims it with a
 * conditional update ({@code ReviewItem.claim}: only while nobody holds it), so two moderators
 * never work on the same item; deciding it is conditional too and frees {@code openPostId}, so
 * the next flag on the post opens a new item.
 */
@Entity
@Table(name = "moderation_item")
@NamedQuery(name = "ReviewItem.open", query = "SELECT i FROM ReviewItem i WHERE i.kind = :kind AND i.openPostId = :post")
@NamedQuery(name = "ReviewItem.lastAppealable", query = "SELECT i FROM ReviewItem i WHERE i.postId = :post"
        + " AND i.decision IN ('HIDE', 'DELETE', 'EDIT') AND i.kind <> 'APPEAL' ORDER BY i.decidedAt DESC, i.id DESC")
@NamedQuery(name = "ReviewItem.appealOf", query = "SELECT i FROM ReviewItem i WHERE i.appealOf = :item")
@NamedQuery(name = "ReviewItem.claim", query = "UPDATE ReviewItem i SET i.claimedBy = :moderator, i.claimedAt = :now"
        + " WHERE i.id = :id AND i.claimedBy IS NULL AND i.decidedAt IS NULL")
@NamedQuery(name = "ReviewItem.release", query = "UPDATE ReviewItem i SET i.claimedBy = NULL, i.claimedAt = NULL"
        + " WHERE i.id = :id AND i.claimedBy = :moderator AND i.decidedAt IS NULL")
@NamedQuery(name = "ReviewItem.decide", query = "UPDATE ReviewItem i SET i.decidedBy = :moderator, i.decidedAt = :now,"
        + " i.decision = :decision, i.openPostId = NULL WHERE i.id = :id AND i.claimedBy = :moderator AND i.decidedAt IS NULL")
public class ReviewItem {

    /**
     * Why the item is in the queue. An EDITED item records a moderator's edit of a post, decided as
     * it is made (decision EDIT), so that the author can appeal it as a hiding or a deletion.
     */
    public enum Kind { FLAGGED, HELD, APPEAL, EDITED }

    /** The decision an EDITED item carries. */
    public static final String EDIT = "EDIT";

    public static final int STATEMENT_LENGTH = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "kind", length = 10, nullable = false)
    private String kind;

    @Column(name = "post_id", nullable = false)
    private long postId;

    @Column(name = "author_id")
    private Long authorId;

    /** The reason of the first flag (FLAGGED items). */
    @Column(name = "reason", length = 30)
    private String reason;

    @Column(name = "flag_count", nullable = false)
    private int flagCount;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "open_post_id")
    private Long openPostId;

    @Column(name = "claimed_by")
    private Long claimedBy;

    @Column(name = "claimed_at")
    private OffsetDateTime claimedAt;

    @Column(name = "decided_by")
    private Long decidedBy;

    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;

    @Column(name = "decision", length = 20)
    private String decision;

    /** For an APPEAL: the item whose decision is appealed. */
    @Column(name = "appeal_of")
    private Long appealOf;

    /** For an APPEAL: the author's words. */
    @Column(name = "statement", length = STATEMENT_LENGTH)
    private String statement;

    protected ReviewItem() {
        // for JPA
    }

    ReviewItem(Kind kind, long postId, Long authorId, FlagReason reason, OffsetDateTime now) {
        this.kind = kind.name();
        this.postId = postId;
        this.authorId = authorId;
        this.reason = reason == null ? null : reason.name();
        this.createdAt = Objects.requireNonNull(now);
        this.openPostId = postId;
    }

    /** A moderator's edit of a post, decided at once: the appealable record of it. */
    static ReviewItem edited(long postId, Long authorId, FlagReason reason, long moderatorId, OffsetDateTime now) {
        ReviewItem edit = new ReviewItem(Kind.EDITED, postId, authorId, reason, now);
        edit.openPostId = null;
        edit.claimedBy = moderatorId;
        edit.claimedAt = now;
        edit.decidedBy = moderatorId;
        edit.decidedAt = now;
        edit.decision = EDIT;
        return edit;
    }

    /** An author's appeal of a decided item. */
    static ReviewItem appeal(ReviewItem decided, String statement, OffsetDateTime now) {
        ReviewItem appeal = new ReviewItem(Kind.APPEAL, decided.postId(), decided.authorId(), decided.reason(), now);
        appeal.appealOf = decided.id();
        appeal.statement = statement;
        return appeal;
    }

    public Long appealOf() {
        return appealOf;
    }

    public String statement() {
        return statement;
    }

    void countFlag() {
        flagCount++;
    }

    public Long id() {
        return id;
    }

    public Kind kind() {
        return Kind.valueOf(kind);
    }

    public long postId() {
        return postId;
    }

    public Long authorId() {
        return authorId;
    }

    public FlagReason reason() {
        return reason == null ? null : FlagReason.valueOf(reason);
    }

    public int flagCount() {
        return flagCount;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public Long claimedBy() {
        return claimedBy;
    }

    public OffsetDateTime claimedAt() {
        return claimedAt;
    }

    public Long decidedBy() {
        return decidedBy;
    }

    public OffsetDateTime decidedAt() {
        return decidedAt;
    }

    public String decision() {
        return decision;
    }

    public boolean isOpen() {
        return decidedAt == null;
    }
}
