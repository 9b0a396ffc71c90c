package org.colloquy.workgroup;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One stretch of a member's participation in a workgroup: active from {@link #joinedAt} until
 * {@link #endedAt} (they left, or a chair marked them inactive with a reason they see). A release
 * lists exactly the participations active at its moment: joined at or before it, not ended by then.
 */
@Entity
@Table(name = "workgroup_participation")
@NamedQuery(name = "Participation.activeOfGroup", query = "SELECT p FROM Participation p WHERE p.workgroupId = :group"
        + " AND p.endedAt IS NULL ORDER BY p.joinedAt, p.id")
@NamedQuery(name = "Participation.activeAt", query = "SELECT p FROM Participation p WHERE p.workgroupId = :group"
        + " AND p.joinedAt <= :at AND (p.endedAt IS NULL OR p.endedAt > :at) ORDER BY p.joinedAt, p.id")
@NamedQuery(name = "Participation.active", query = "SELECT p FROM Participation p WHERE p.workgroupId = :group"
        + " AND p.memberId = :member AND p.endedAt IS NULL")
@NamedQuery(name = "Participation.ofMember", query = "SELECT p FROM Participation p WHERE p.memberId = :member"
        + " ORDER BY p.joinedAt DESC, p.id DESC")
@NamedQuery(name = "Participation.shared", query = "SELECT COUNT(p) FROM Participation p, Participation q"
        + " WHERE p.memberId = :a AND q.memberId = :b AND p.workgroupId = q.workgroupId AND p.endedAt IS NULL AND q.endedAt IS NULL")
public class Participation {

    public enum End { LEFT, INACTIVE }

    public static final int REASON_LENGTH = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "workgroup_id", nullable = false)
    private long workgroupId;

    @Column(name = "member_id", nullable = false)
    private long memberId;

    @Column(name = "consent_id", nullable = false)
    private long consentId;

    @Column(name = "joined_at", nullable = false)
    private OffsetDateTime joinedAt;

    @Column(name = "ended_at")
    private OffsetDateTime endedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "end_kind")
    private End endKind;

    @Column(name = "end_reason", length = REASON_LENGTH)
    private String endReason;

    @Column(name = "ended_by")
    private Long endedBy;

    protected Participation() {
    }

    Participation(long workgroupId, long memberId, long consentId, OffsetDateTime joinedAt) {
        this.workgroupId = workgroupId;
        this.memberId = memberId;
        this.consentId = consentId;
        this.joinedAt = joinedAt;
    }

    void end(End kind, String reason, long by, OffsetDateTime at) {
        this.endKind = kind;
        this.endReason = reason;
        this.endedBy = by;
        this.endedAt = at;
    }

    public Long id() {
        return id;
    }

    public long workgroupId() {
        return workgroupId;
    }

    public long memberId() {
        return memberId;
    }

    public long consentId() {
        return consentId;
    }

    public OffsetDateTime joinedAt() {
        return joinedAt;
    }

    public OffsetDateTime endedAt() {
        return endedAt;
    }

    public End endKind() {
        return endKind;
    }

    public String endReason() {
        return endReason;
    }

    public boolean isActive() {
        return endedAt == null;
    }
}
