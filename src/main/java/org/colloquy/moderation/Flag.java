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
 * A member's flag on a post, with a {@link FlagReason}. While open, {@code openPostId} holds the
 * post's id, which the unique constraint (flagger, open post) turns into "one open flag per member
 * per post"; deciding the flag empties it and records the outcome the flagger is told.
 */
@Entity
@Table(name = "moderation_flag")
@NamedQuery(name = "Flag.openOnPost", query = "SELECT f FROM Flag f WHERE f.openPostId = :post ORDER BY f.id")
@NamedQuery(name = "Flag.openBy", query = "SELECT f FROM Flag f WHERE f.openPostId = :post AND f.flaggerId = :flagger")
public class Flag {

    public static final int EXPLANATION_LENGTH = 1000;

    /** What became of a flag. */
    public enum Outcome { UPHELD, DECLINED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "post_id", nullable = false)
    private long postId;

    @Column(name = "flagger_id", nullable = false)
    private long flaggerId;

    @Column(name = "reason", length = 30, nullable = false)
    private String reason;

    @Column(name = "explanation", length = EXPLANATION_LENGTH)
    private String explanation;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "open_post_id")
    private Long openPostId;

    @Column(name = "outcome", length = 20)
    private String outcome;

    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;

    protected Flag() {
        // for JPA
    }

    Flag(long postId, long flaggerId, FlagReason reason, String explanation, OffsetDateTime now) {
        this.postId = postId;
        this.flaggerId = flaggerId;
        this.reason = reason.name();
        this.explanation = explanation;
        this.createdAt = Objects.requireNonNull(now);
        this.openPostId = postId;
    }

    void decide(Outcome outcome, OffsetDateTime now) {
        this.outcome = outcome.name();
        this.decidedAt = now;
        this.openPostId = null;
    }

    public Long id() {
        return id;
    }

    public long postId() {
        return postId;
    }

    public long flaggerId() {
        return flaggerId;
    }

    public FlagReason reason() {
        return FlagReason.valueOf(reason);
    }

    public String explanation() {
        return explanation;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public boolean isOpen() {
        return openPostId != null;
    }

    public Outcome outcome() {
        return outcome == null ? null : Outcome.valueOf(outcome);
    }
}
