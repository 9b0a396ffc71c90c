package org.colloquy.privacy;

import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import org.colloquy.platform.mail.NotificationKind;

/**
 * One change of a member's choice about one {@link NotificationKind} of mail (P-MARKETING-1):
 * opted out or back in, when and where. Written once; the newest row per member and kind is the
 * choice in force, and without any row the member gets that kind.
 */
@Entity
@Table(name = "notification_preference")
@NamedQuery(name = "NotificationPreference.ofMember",
        query = "SELECT p FROM NotificationPreference p WHERE p.memberId = :member ORDER BY p.changedAt DESC, p.id DESC")
@NamedQuery(name = "NotificationPreference.newest",
        query = "SELECT p FROM NotificationPreference p WHERE p.memberId = :member AND p.kind = :kind"
                + " ORDER BY p.changedAt DESC, p.id DESC")
public class NotificationPreference {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "member_id", nullable = false, updatable = false)
    private Long memberId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 40, nullable = false, updatable = false)
    private NotificationKind kind;

    @Column(name = "opted_out", nullable = false, updatable = false)
    private boolean optedOut;

    @Column(name = "changed_at", nullable = false, updatable = false)
    private OffsetDateTime changedAt;

    @Column(name = "changed_via", length = Consent.VIA_LENGTH, nullable = false, updatable = false)
    private String changedVia;

    protected NotificationPreference() {
        // for JPA
    }

    NotificationPreference(long memberId, NotificationKind kind, boolean optedOut, OffsetDateTime changedAt, String via) {
        this.memberId = memberId;
        this.kind = Objects.requireNonNull(kind);
        this.optedOut = optedOut;
        this.changedAt = Objects.requireNonNull(changedAt);
        this.changedVia = Objects.requireNonNull(via);
    }

    public Long id() {
        return id;
    }

    public long memberId() {
        return memberId;
    }

    public NotificationKind kind() {
        return kind;
    }

    public boolean optedOut() {
        return optedOut;
    }

    public OffsetDateTime changedAt() {
        return changedAt;
    }

    public String changedVia() {
        return changedVia;
    }

    @Override
    public String toString() {
        return "NotificationPreference[" + id + " " + kind + (optedOut ? " off" : " on") + " of " + memberId + " at " + changedAt + "]";
    }
}
