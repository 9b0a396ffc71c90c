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
 * An application by a member (a chair decides) or an invitation by a chair (the member decides).
 * An application carries the consent the member gave to the joining clause when applying.
 */
@Entity
@Table(name = "workgroup_request")
@NamedQuery(name = "JoinRequest.openOfGroup", query = "SELECT r FROM JoinRequest r WHERE r.workgroupId = :group"
        + " AND r.status = :open ORDER BY r.createdAt")
@NamedQuery(name = "JoinRequest.openOfMember", query = "SELECT r FROM JoinRequest r WHERE r.memberId = :member"
        + " AND r.status = :open ORDER BY r.createdAt")
@NamedQuery(name = "JoinRequest.open", query = "SELECT r FROM JoinRequest r WHERE r.memberId = :member AND r.workgroupId = :group"
        + " AND r.status = :open")
public class JoinRequest {

    public enum Kind { APPLICATION, INVITATION }

    public enum Status { OPEN, ACCEPTED, DECLINED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "workgroup_id", nullable = false)
    private long workgroupId;

    @Column(name = "member_id", nullable = false)
    private long memberId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false)
    private Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private Status status;

    @Column(name = "consent_id")
    private Long consentId;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    private long createdBy;

    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;

    protected JoinRequest() {
    }

    JoinRequest(long workgroupId, long memberId, Kind kind, Long consentId, OffsetDateTime at, long by) {
        this.workgroupId = workgroupId;
        this.memberId = memberId;
        this.kind = kind;
        this.status = Status.OPEN;
        this.consentId = consentId;
        this.createdAt = at;
        this.createdBy = by;
    }

    void decide(Status decision, OffsetDateTime at) {
        this.status = decision;
        this.decidedAt = at;
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

    public Kind kind() {
        return kind;
    }

    public Status status() {
        return status;
    }

    public Long consentId() {
        return consentId;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
