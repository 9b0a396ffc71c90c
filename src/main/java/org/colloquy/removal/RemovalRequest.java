package org.colloquy.removal;

import java.time.Duration;
import java.time.LocalDate;
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

/**
 * A member's request to take their personal information out of one of their own items (P-REMOVE-1):
 * what they want (the item removed, or the personal information in it redacted by a privacy
 * officer), their optional explanation, a status, a due date {@link #DUE_AFTER} after receipt, and
 * the outcome: removed, anonymised, or refused with a reason category and the officer's words. A
 * refusal may be appealed once; the appeal has its own due date and is decided by another officer.
 */
@Entity
@Table(name = "removal_request")
@NamedQuery(name = "RemovalRequest.open", query = "SELECT r FROM RemovalRequest r WHERE r.openItemId IS NOT NULL ORDER BY r.dueAt, r.id")
@NamedQuery(name = "RemovalRequest.openForItem",
        query = "SELECT r FROM RemovalRequest r WHERE r.itemKind = :kind AND r.openItemId = :item")
@NamedQuery(name = "RemovalRequest.ofMember", query = "SELECT r FROM RemovalRequest r WHERE r.memberId = :member ORDER BY r.receivedAt DESC, r.id DESC")
@NamedQuery(name = "RemovalRequest.dueBy",
        query = "SELECT r FROM RemovalRequest r WHERE r.openItemId IS NOT NULL AND r.dueAt <= :by ORDER BY r.dueAt, r.id")
public class RemovalRequest {

    /** How long an officer has to decide a request, and an appeal. */
    public static final Duration DUE_AFTER = Duration.ofDays(30);

    /** A request due within this time (or overdue) is escalated to every privacy officer. */
    public static final Duration ESCALATE_WITHIN = Duration.ofDays(7);

    public static final int EXPLANATION_LENGTH = 2000;
    public static final int WORDS_LENGTH = 2000;

    /** What kind of item the request is about. */
    public enum ItemKind {
        FORUM_POST
    }

    /** What the member asks for. */
    public enum Wanted {
        /** Take the whole item away. */
        REMOVE_ITEM,
        /** Keep the item, with the personal information taken out by a privacy officer. */
        REDACT
    }

    public enum Status {
        RECEIVED, IN_REVIEW, APPEALED, DONE, REFUSED
    }

    public enum Outcome {
        REMOVED, ANONYMISED, REFUSED
    }

    /** Why a request was refused; the officer's words say more. */
    public enum RefusalReason {
        QUOTED_BY_OTHERS, LEGAL_HOLD, NOT_YOUR_INFORMATION, OTHER
    }

    /** How near its end an open request is, for the queue and the escalations. */
    public enum Urgency {
        NORMAL, SOON, OVERDUE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "member_id", nullable = false)
    private long memberId;

    @Enumerated(EnumType.STRING)
    @Column(name = "item_kind", length = 20, nullable = false)
    private ItemKind itemKind;

    @Column(name = "item_id", nullable = false)
    private long itemId;

    @Enumerated(EnumType.STRING)
    @Column(name = "wanted", length = 20, nullable = false)
    private Wanted wanted;

    @Column(name = "explanation", length = EXPLANATION_LENGTH)
    private String explanation;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 20, nullable = false)
    private Status status;

    @Column(name = "received_at", nullable = false)
    private OffsetDateTime receivedAt;

    @Column(name = "due_at", nullable = false)
    private OffsetDateTime dueAt;

    @Column(name = "open_item_id")
    private Long openItemId;

    @Column(name = "reviewer_id")
    private Long reviewerId;

    @Column(name = "reviewed_at")
    private OffsetDateTime reviewedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", length = 20)
    private Outcome outcome;

    @Enumerated(EnumType.STRING)
    @Column(name = "refusal_category", length = 30)
    private RefusalReason refusalCategory;

    @Column(name = "officer_words", length = WORDS_LENGTH)
    private String officerWords;

    @Column(name = "decided_by")
    private Long decidedBy;

    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;

    @Column(name = "appeal_statement", length = EXPLANATION_LENGTH)
    private String appealStatement;

    @Column(name = "appealed_at")
    private OffsetDateTime appealedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "appeal_outcome", length = 20)
    private Outcome appealOutcome;

    @Column(name = "appeal_words", length = WORDS_LENGTH)
    private String appealWords;

    @Column(name = "appeal_decided_by")
    private Long appealDecidedBy;

    @Column(name = "appeal_decided_at")
    private OffsetDateTime appealDecidedAt;

    @Column(name = "escalated_on")
    private LocalDate escalatedOn;

    @Column(name = "escalation_stage", length = 10)
    private String escalationStage;

    @Column(name = "escalations", nullable = false)
    private int escalations;

    protected RemovalRequest() {
        // for JPA
    }

    RemovalRequest(long memberId, ItemKind itemKind, long itemId, Wanted wanted, String explanation, OffsetDateTime now) {
        this.memberId = memberId;
        this.itemKind = Objects.requireNonNull(itemKind);
        this.itemId = itemId;
        this.wanted = Objects.requireNonNull(wanted);
        this.explanation = explanation;
        this.status = Status.RECEIVED;
        this.receivedAt = Objects.requireNonNull(now);
        this.dueAt = now.plus(DUE_AFTER);
        this.openItemId = itemId;
    }

    void review(long officerId, OffsetDateTime now) {
        this.status = Status.IN_REVIEW;
        this.reviewerId = officerId;
        this.reviewedAt = now;
    }

    void decide(long officerId, Outcome outcome, RefusalReason category, String words, OffsetDateTime now) {
        this.outcome = Objects.requireNonNull(outcome);
        this.refusalCategory = category;
        this.officerWords = words;
        this.decidedBy = officerId;
        this.decidedAt = now;
        this.status = outcome == Outcome.REFUSED ? Status.REFUSED : Status.DONE;
        this.openItemId = null;
    }

    void appeal(String statement, OffsetDateTime now) {
        this.appealStatement = Objects.requireNonNull(statement);
        this.appealedAt = now;
        this.status = Status.APPEALED;
        this.dueAt = now.plus(DUE_AFTER);
        this.openItemId = itemId;
        this.escalatedOn = null;
        this.escalationStage = null;
    }

    void decideAppeal(long officerId, Outcome outcome, RefusalReason category, String words, OffsetDateTime now) {
        this.appealOutcome = Objects.requireNonNull(outcome);
        if (category != null) {
            this.refusalCategory = category;
        }
        this.appealWords = words;
        this.appealDecidedBy = officerId;
        this.appealDecidedAt = now;
        this.status = outcome == Outcome.REFUSED ? Status.REFUSED : Status.DONE;
        this.openItemId = null;
    }

    /** The request is waiting for an officer (received, in review, or appealed). */
    public boolean isOpen() {
        return openItemId != null;
    }

    /** A refusal not yet appealed: the member may appeal it, once. */
    public boolean isAppealable() {
        return status == Status.REFUSED && appealedAt == null;
    }

    public boolean isAppealed() {
        return appealedAt != null;
    }

    /** How near its due date an open request is at {@code now}; {@link Urgency#NORMAL} once decided. */
    public Urgency urgency(OffsetDateTime now) {
        if (!isOpen()) {
            return Urgency.NORMAL;
        }
        if (dueAt.isBefore(now)) {
            return Urgency.OVERDUE;
        }
        return dueAt.isAfter(now.plus(ESCALATE_WITHIN)) ? Urgency.NORMAL : Urgency.SOON;
    }

    /** The outcome the member lives with now: the appeal's when decided, else the first decision's. */
    public Outcome finalOutcome() {
        return appealOutcome != null ? appealOutcome : outcome;
    }

    public Long id() {
        return id;
    }

    public long memberId() {
        return memberId;
    }

    public ItemKind itemKind() {
        return itemKind;
    }

    public long itemId() {
        return itemId;
    }

    public Wanted wanted() {
        return wanted;
    }

    public String explanation() {
        return explanation;
    }

    public Status status() {
        return status;
    }

    public OffsetDateTime receivedAt() {
        return receivedAt;
    }

    public OffsetDateTime dueAt() {
        return dueAt;
    }

    public Long reviewerId() {
        return reviewerId;
    }

    public Outcome outcome() {
        return outcome;
    }

    public RefusalReason refusalCategory() {
        return refusalCategory;
    }

    public String officerWords() {
        return officerWords;
    }

    public Long decidedBy() {
        return decidedBy;
    }

    public OffsetDateTime decidedAt() {
        return decidedAt;
    }

    public String appealStatement() {
        return appealStatement;
    }

    public OffsetDateTime appealedAt() {
        return appealedAt;
    }

    public Outcome appealOutcome() {
        return appealOutcome;
    }

    public String appealWords() {
        return appealWords;
    }

    public Long appealDecidedBy() {
        return appealDecidedBy;
    }

    public OffsetDateTime appealDecidedAt() {
        return appealDecidedAt;
    }

    public LocalDate escalatedOn() {
        return escalatedOn;
    }

    public int escalations() {
        return escalations;
    }

    @Override
    public String toString() {
        return "RemovalRequest[" + id + " " + itemKind + " " + itemId + " " + status + "]";
    }
}
