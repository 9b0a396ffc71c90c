package org.colloquy.rights;

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
import jakarta.persistence.Version;

/**
 * A parent's or guardian's report that an account belongs to someone under age (P-CHILD-1).
 * Invariant: only a verified report (the reporter followed the mailed link) holds an account, and
 * {@link #held()} says whether that hold was this report's, so a dismissal lifts nothing else.
 */
@Entity
@Table(name = "under_age_report")
@NamedQuery(name = "UnderAgeReport.all", query = "SELECT r FROM UnderAgeReport r ORDER BY r.receivedAt DESC, r.id DESC")
@NamedQuery(name = "UnderAgeReport.byToken", query = "SELECT r FROM UnderAgeReport r WHERE r.tokenHash = :hash")
public class UnderAgeReport {

    public static final int USERNAME_LENGTH = 40;
    public static final int RELATIONSHIP_LENGTH = 100;
    public static final int EXPLANATION_LENGTH = 4000;
    public static final int NOTE_LENGTH = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "username", length = USERNAME_LENGTH, nullable = false)
    private String username;

    @Column(name = "member_id")
    private Long memberId;

    @Column(name = "reporter_email", length = RightsRequest.EMAIL_LENGTH, nullable = false)
    private String reporterEmail;

    @Column(name = "relationship", length = RELATIONSHIP_LENGTH, nullable = false)
    private String relationship;

    @Column(name = "explanation", length = EXPLANATION_LENGTH, nullable = false)
    private String explanation;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 20, nullable = false)
    private ReportStatus status;

    @Column(name = "held", nullable = false)
    private boolean held;

    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "token_expires_at")
    private OffsetDateTime tokenExpiresAt;

    @Column(name = "received_at", nullable = false)
    private OffsetDateTime receivedAt;

    @Column(name = "verified_at")
    private OffsetDateTime verifiedAt;

    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;

    @Column(name = "decided_by")
    private Long decidedBy;

    @Column(name = "decision_note", length = NOTE_LENGTH)
    private String decisionNote;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected UnderAgeReport() {
        // for JPA
    }

    UnderAgeReport(String username, String reporterEmail, String relationship, String explanation, String tokenHash, OffsetDateTime now) {
        this.username = Objects.requireNonNull(username);
        this.reporterEmail = Objects.requireNonNull(reporterEmail);
        this.relationship = Objects.requireNonNull(relationship);
        this.explanation = Objects.requireNonNull(explanation);
        this.status = ReportStatus.UNVERIFIED;
        this.tokenHash = Objects.requireNonNull(tokenHash);
        this.receivedAt = Objects.requireNonNull(now);
        this.tokenExpiresAt = now.plus(RightsRequest.LINK_LIFETIME);
    }

    boolean isLinkUsable(OffsetDateTime now) {
        return status == ReportStatus.UNVERIFIED && tokenHash != null && now.isBefore(tokenExpiresAt);
    }

    void verify(Long memberId, boolean held, OffsetDateTime now) {
        this.status = ReportStatus.IN_REVIEW;
        this.memberId = memberId;
        this.held = held;
        this.verifiedAt = now;
        this.tokenHash = null;
        this.tokenExpiresAt = null;
    }

    void decide(ReportStatus decision, long officerId, String note, OffsetDateTime now) {
        this.status = decision;
        this.decidedBy = officerId;
        this.decisionNote = note;
        this.decidedAt = now;
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    /** The account named, as found when the report was verified; null when no account had that username. */
    public Long memberId() {
        return memberId;
    }

    public String reporterEmail() {
        return reporterEmail;
    }

    public String relationship() {
        return relationship;
    }

    public String explanation() {
        return explanation;
    }

    public ReportStatus status() {
        return status;
    }

    public boolean isInReview() {
        return status == ReportStatus.IN_REVIEW;
    }

    /** Whether this report's verification suspended the account. */
    public boolean held() {
        return held;
    }

    public OffsetDateTime receivedAt() {
        return receivedAt;
    }

    public OffsetDateTime verifiedAt() {
        return verifiedAt;
    }

    public OffsetDateTime decidedAt() {
        return decidedAt;
    }

    public String decisionNote() {
        return decisionNote;
    }

    @Override
    public String toString() {
        return "UnderAgeReport[" + id + " " + status + "]";
    }
}
