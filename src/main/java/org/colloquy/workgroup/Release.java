package org.colloquy.workgroup;

import java.time.LocalDate;
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
 * The release of one document version: planned for a date (participants are told first), then
 * released by a chair on or after it or by {@link ReleaseDay} on it, and possibly withdrawn by an administrator with a reason.
 */
@Entity
@Table(name = "document_release")
@NamedQuery(name = "Release.ofGroup", query = "SELECT r FROM Release r WHERE r.workgroupId = :group ORDER BY r.startedAt DESC, r.id DESC")
@NamedQuery(name = "Release.plannedOfGroup", query = "SELECT r FROM Release r WHERE r.workgroupId = :group AND r.status = :planned")
@NamedQuery(name = "Release.due", query = "SELECT r.id FROM Release r WHERE r.status = :planned AND r.plannedFor <= :today ORDER BY r.plannedFor, r.id")
@NamedQuery(name = "Release.released", query = "SELECT r FROM Release r WHERE r.status = :released ORDER BY r.releasedAt DESC, r.id DESC")
public class Release {

    public enum Status { PLANNED, RELEASED, WITHDRAWN }

    public static final int REASON_LENGTH = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "document_id", nullable = false)
    private long documentId;

    @Column(name = "workgroup_id", nullable = false)
    private long workgroupId;

    @Column(name = "planned_for", nullable = false)
    private LocalDate plannedFor;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private Status status;

    @Column(name = "started_at", nullable = false)
    private OffsetDateTime startedAt;

    @Column(name = "started_by", nullable = false)
    private long startedBy;

    @Column(name = "released_at")
    private OffsetDateTime releasedAt;

    @Column(name = "released_by")
    private Long releasedBy;

    @Column(name = "withdrawn_at")
    private OffsetDateTime withdrawnAt;

    @Column(name = "withdrawn_by")
    private Long withdrawnBy;

    @Column(name = "withdraw_reason", length = REASON_LENGTH)
    private String withdrawReason;

    protected Release() {
    }

    Release(Document document, LocalDate plannedFor, OffsetDateTime at, long by) {
        this.documentId = document.id();
        this.workgroupId = document.workgroupId();
        this.plannedFor = plannedFor;
        this.status = Status.PLANNED;
        this.startedAt = at;
        this.startedBy = by;
    }

    /** Demo content only: a release whose notice period has passed, so that the demo has a released document. */
    void noticePeriodPassed(LocalDate today) {
        this.plannedFor = today;
    }

    /** Released at that moment, by that chair or administrator, or on its date by {@link ReleaseDay} ({@code by} null). */
    void released(OffsetDateTime at, Long by) {
        this.status = Status.RELEASED;
        this.releasedAt = at;
        this.releasedBy = by;
    }

    void withdrawn(OffsetDateTime at, long by, String reason) {
        this.status = Status.WITHDRAWN;
        this.withdrawnAt = at;
        this.withdrawnBy = by;
        this.withdrawReason = reason;
    }

    public Long id() {
        return id;
    }

    public long documentId() {
        return documentId;
    }

    public long workgroupId() {
        return workgroupId;
    }

    public LocalDate plannedFor() {
        return plannedFor;
    }

    public Status status() {
        return status;
    }

    public OffsetDateTime releasedAt() {
        return releasedAt;
    }

    public OffsetDateTime withdrawnAt() {
        return withdrawnAt;
    }

    public String withdrawReason() {
        return withdrawReason;
    }

    public boolean isPlanned() {
        return status == Status.PLANNED;
    }

    public boolean isReleased() {
        return status == Status.RELEASED;
    }

    public boolean isWithdrawn() {
        return status == Status.WITHDRAWN;
    }
}
