package org.colloquy.privacy.breach;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * That one affected member was sent one breach's notice, and when (P-BREACH-1: recorded per member).
 * The key (breach, member) keeps a resumed send from mailing anyone twice. {@code mailed} is false
 * when the member had no verified address to write to.
 */
@Entity
@Table(name = "breach_notice_send")
@IdClass(BreachSend.Key.class)
public class BreachSend {

    /** The composite key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private Long breachId;
        private Long memberId;

        public Key() {
        }

        public Key(Long breachId, Long memberId) {
            this.breachId = breachId;
            this.memberId = memberId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(breachId, k.breachId) && Objects.equals(memberId, k.memberId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(breachId, memberId);
        }
    }

    @Id
    @Column(name = "breach_id")
    private Long breachId;

    @Id
    @Column(name = "member_id")
    private Long memberId;

    @Column(name = "sent_at", nullable = false, updatable = false)
    private OffsetDateTime sentAt;

    @Column(name = "mailed", nullable = false, updatable = false)
    private boolean mailed;

    protected BreachSend() {
        // for JPA
    }

    BreachSend(long breachId, long memberId, OffsetDateTime sentAt, boolean mailed) {
        this.breachId = breachId;
        this.memberId = memberId;
        this.sentAt = Objects.requireNonNull(sentAt);
        this.mailed = mailed;
    }

    public long breachId() {
        return breachId;
    }

    public long memberId() {
        return memberId;
    }

    public OffsetDateTime sentAt() {
        return sentAt;
    }

    public boolean mailed() {
        return mailed;
    }

    @Override
    public String toString() {
        return "BreachSend[" + breachId + ", member " + memberId + ", " + (mailed ? "mailed" : "no address") + "]";
    }
}
