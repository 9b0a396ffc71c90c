package org.colloquy.rights;

import java.time.Duration;
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
 * A request about one's personal data (P-RIGHTS-1). Invariant: a verified request has a due date
 * 30 days after its verification, and an unverified one has none; a request answered or refused
 * keeps the answer the requester was sent.
 */
@Entity
@Table(name = "rights_request")
@NamedQuery(name = "RightsRequest.all", query = "SELECT r FROM RightsRequest r ORDER BY r.receivedAt DESC, r.id DESC")
@NamedQuery(name = "RightsRequest.byToken", query = "SELECT r FROM RightsRequest r WHERE r.tokenHash = :hash")
@NamedQuery(name = "RightsRequest.ofMember",
        query = "SELECT r FROM RightsRequest r WHERE r.memberId = :member ORDER BY r.receivedAt DESC, r.id DESC")
@NamedQuery(name = "RightsRequest.openDueBefore", query = "SELECT r FROM RightsRequest r WHERE r.status IN :open"
        + " AND r.dueAt <= :limit AND r.escalationStage < :stage ORDER BY r.dueAt, r.id")
public class RightsRequest {

    public static final int DESCRIPTION_LENGTH = 4000;
    public static final int EMAIL_LENGTH = 254;
    public static final Duration ANSWER_WITHIN = Duration.ofDays(30);
    public static final Duration LINK_LIFETIME = Duration.ofHours(24);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 20, nullable = false)
    private RequestKind kind;

    @Column(name = "description", length = DESCRIPTION_LENGTH, nullable = false)
    private String description;

    @Column(name = "requester_email", length = EMAIL_LENGTH, nullable = false)
    private String requesterEmail;

    @Column(name = "member_id")
    private Long memberId;

    @Column(name = "account_member_id")
    private Long accountMemberId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 20, nullable = false)
    private RequestStatus status;

    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "token_expires_at")
    private OffsetDateTime tokenExpiresAt;

    @Column(name = "received_at", nullable = false)
    private OffsetDateTime receivedAt;

    @Column(name = "verified_at")
    private OffsetDateTime verifiedAt;

    @Column(name = "due_at")
    private OffsetDateTime dueAt;

    @Column(name = "answered_at")
    private OffsetDateTime answeredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", length = 20)
    private Outcome outcome;

    @Column(name = "answer", length = DESCRIPTION_LENGTH)
    private String answer;

    @Column(name = "escalation_stage", nullable = false)
    private int escalationStage;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected RightsRequest() {
        // for JPA
    }

    /** A signed-in member's request: verified at once, as it comes from the account itself. */
    static RightsRequest fromMember(long memberId, String email, RequestKind kind, String description, OffsetDateTime now) {
        RightsRequest r = new RightsRequest(kind, description, email, now);
        r.memberId = memberId;
        r.accountMemberId = memberId;
        r.verify(now);
        return r;
    }

    /** A request by the public form: unverified until the link whose token hash is given is followed. */
    static RightsRequest fromPublic(String email, RequestKind kind, String description, String tokenHash, OffsetDateTime now) {
        RightsRequest r = new RightsRequest(kind, description, email, now);
        r.status = RequestStatus.UNVERIFIED;
        r.tokenHash = Objects.requireNonNull(tokenHash);
        r.tokenExpiresAt = now.plus(LINK_LIFETIME);
        return r;
    }

    private RightsRequest(RequestKind kind, String description, String email, OffsetDateTime now) {
        this.kind = Objects.requireNonNull(kind);
        this.description = Objects.requireNonNull(description);
        this.requesterEmail = Objects.requireNonNull(email);
        this.receivedAt = Objects.requireNonNull(now);
    }

    boolean isLinkUsable(OffsetDateTime now) {
        return status == RequestStatus.UNVERIFIED && tokenHash != null && now.isBefore(tokenExpiresAt);
    }

    /** Follows the link: the request is verified and its 30 days start; the link is spent. */
    void verify(OffsetDateTime now) {
        this.status = RequestStatus.RECEIVED;
        this.verifiedAt = now;
        this.dueAt = now.plus(ANSWER_WITHIN);
        this.tokenHash = null;
        this.tokenExpiresAt = null;
    }

    void accountOwner(Long memberId) {
        this.accountMemberId = memberId;
    }

    void start() {
        this.status = RequestStatus.IN_PROGRESS;
    }

    void answer(Outcome outcome, String answer, OffsetDateTime now) {
        this.outcome = Objects.requireNonNull(outcome);
        this.answer = Objects.requireNonNull(answer);
        this.answeredAt = now;
        this.status = outcome == Outcome.REFUSED ? RequestStatus.REFUSED : RequestStatus.ANSWERED;
    }

    /** For demo content: a request received and verified earlier than now. */
    void backdate(OffsetDateTime verifiedAt) {
        this.receivedAt = verifiedAt;
        if (this.verifiedAt != null) {
            this.verifiedAt = verifiedAt;
            this.dueAt = verifiedAt.plus(ANSWER_WITHIN);
        }
    }

    public Long id() {
        return id;
    }

    public RequestKind kind() {
        return kind;
    }

    public String description() {
        return description;
    }

    public String requesterEmail() {
        return requesterEmail;
    }

    /** The account that made the request signed in, or null for the public form. */
    public Long memberId() {
        return memberId;
    }

    /** The account that used the requester's address when the request was verified, or null: for the officer only. */
    public Long accountMemberId() {
        return accountMemberId;
    }

    public RequestStatus status() {
        return status;
    }

    public boolean isVerified() {
        return verifiedAt != null;
    }

    public boolean isOpen() {
        return status.isOpen();
    }

    /** Open and past its due date. */
    public boolean isOverdue(OffsetDateTime now) {
        return isOpen() && dueAt.isBefore(now);
    }

    /** Open and due within 7 days (or already overdue). */
    public boolean isDueSoon(OffsetDateTime now) {
        return isOpen() && !dueAt.isAfter(now.plusDays(7));
    }

    public OffsetDateTime receivedAt() {
        return receivedAt;
    }

    public OffsetDateTime verifiedAt() {
        return verifiedAt;
    }

    public OffsetDateTime dueAt() {
        return dueAt;
    }

    public OffsetDateTime answeredAt() {
        return answeredAt;
    }

    public Outcome outcome() {
        return outcome;
    }

    public String answer() {
        return answer;
    }

    public int escalationStage() {
        return escalationStage;
    }

    @Override
    public String toString() {
        return "RightsRequest[" + id + " " + kind + " " + status + "]";
    }
}
