package org.colloquy.privacy.breach;

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
 * A recorded security breach and its notice (P-BREACH-1): the words every affected member and the
 * public read, the scope that decides who is affected, until when the public banner shows, and once
 * sent, by whom, when and to how many. The words never change after recording; only the sending is
 * added.
 */
@Entity
@Table(name = "breach_notice")
@NamedQuery(name = "BreachNotice.newest", query = "SELECT b FROM BreachNotice b ORDER BY b.recordedAt DESC, b.id DESC")
@NamedQuery(name = "BreachNotice.bannersAt", query = "SELECT b FROM BreachNotice b WHERE b.sentAt IS NOT NULL"
        + " AND b.bannerUntil > :at ORDER BY b.sentAt DESC, b.id DESC")
public class BreachNotice {

    public static final int TITLE_LENGTH = 200;
    public static final int TEXT_LENGTH = 4000;
    public static final int DATA_LENGTH = 500;
    public static final int CONTACT_LENGTH = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "title", length = TITLE_LENGTH, nullable = false, updatable = false)
    private String title;

    @Column(name = "what_happened", length = TEXT_LENGTH, nullable = false, updatable = false)
    private String whatHappened;

    @Column(name = "occurred_on", updatable = false)
    private LocalDate occurredOn;

    @Column(name = "discovered_on", nullable = false, updatable = false)
    private LocalDate discoveredOn;

    @Column(name = "data_concerned", length = DATA_LENGTH, nullable = false, updatable = false)
    private String dataConcerned;

    @Column(name = "measures", length = TEXT_LENGTH, nullable = false, updatable = false)
    private String measures;

    @Column(name = "member_advice", length = TEXT_LENGTH, nullable = false, updatable = false)
    private String memberAdvice;

    @Column(name = "contact", length = CONTACT_LENGTH, nullable = false, updatable = false)
    private String contact;

    @Enumerated(EnumType.STRING)
    @Column(name = "scope", length = 20, nullable = false, updatable = false)
    private BreachScope scope;

    @Column(name = "recipient_key", length = 100, updatable = false)
    private String recipientKey;

    @Column(name = "recipient_label", length = 200, updatable = false)
    private String recipientLabel;

    @Column(name = "scope_target_id", updatable = false)
    private Long scopeTargetId;

    /** The category's, workgroup's or webinar's name when the breach was recorded. */
    @Column(name = "scope_label", length = 200, updatable = false)
    private String scopeLabel;

    @Column(name = "joined_from", updatable = false)
    private java.time.LocalDate joinedFrom;

    @Column(name = "joined_to", updatable = false)
    private java.time.LocalDate joinedTo;

    @Column(name = "banner_until", nullable = false, updatable = false)
    private OffsetDateTime bannerUntil;

    @Column(name = "recorded_by", updatable = false)
    private Long recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private OffsetDateTime recordedAt;

    @Column(name = "sent_by")
    private Long sentBy;

    @Column(name = "sent_at")
    private OffsetDateTime sentAt;

    @Column(name = "affected_count", nullable = false)
    private int affectedCount;

    @Column(name = "mailed_count", nullable = false)
    private int mailedCount;

    protected BreachNotice() {
        // for JPA
    }

    BreachNotice(BreachReport report, String recipientLabel, OffsetDateTime bannerUntil, Long recordedBy, OffsetDateTime recordedAt) {
        this.title = report.title().strip();
        this.whatHappened = report.whatHappened().strip();
        this.occurredOn = report.occurredOn();
        this.discoveredOn = Objects.requireNonNull(report.discoveredOn());
        this.dataConcerned = report.dataConcerned().strip();
        this.measures = report.measures().strip();
        this.memberAdvice = report.memberAdvice().strip();
        this.contact = report.contact().strip();
        this.scope = Objects.requireNonNull(report.scope());
        this.recipientKey = scope == BreachScope.RECIPIENT ? Objects.requireNonNull(report.recipientKey()) : null;
        this.recipientLabel = scope == BreachScope.RECIPIENT ? Objects.requireNonNull(recipientLabel) : null;
        this.scopeTargetId = scope.hasTarget() ? Objects.requireNonNull(report.targetId()) : null;
        this.scopeLabel = scope.hasTarget() ? Objects.requireNonNull(recipientLabel) : null;
        this.joinedFrom = scope == BreachScope.JOINED_BETWEEN ? Objects.requireNonNull(report.joinedFrom()) : null;
        this.joinedTo = scope == BreachScope.JOINED_BETWEEN ? Objects.requireNonNull(report.joinedTo()) : null;
        this.bannerUntil = Objects.requireNonNull(bannerUntil);
        this.recordedBy = recordedBy;
        this.recordedAt = Objects.requireNonNull(recordedAt);
    }

    void markSent(Long by, OffsetDateTime at, int affected, int mailed) {
        this.sentBy = by;
        this.sentAt = at;
        this.affectedCount = affected;
        this.mailedCount = mailed;
    }

    public Long id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String whatHappened() {
        return whatHappened;
    }

    public LocalDate occurredOn() {
        return occurredOn;
    }

    public LocalDate discoveredOn() {
        return discoveredOn;
    }

    public String dataConcerned() {
        return dataConcerned;
    }

    public String measures() {
        return measures;
    }

    public String memberAdvice() {
        return memberAdvice;
    }

    public String contact() {
        return contact;
    }

    public BreachScope scope() {
        return scope;
    }

    public Long scopeTargetId() {
        return scopeTargetId;
    }

    public java.time.LocalDate joinedFrom() {
        return joinedFrom;
    }

    public java.time.LocalDate joinedTo() {
        return joinedTo;
    }

    /**
     * What the scope names, for lists: the recipient's, category's, workgroup's or webinar's name, or
     * the date range; null for every member.
     */
    public String scopeDetail() {
        if (scope == BreachScope.RECIPIENT) {
            return recipientLabel;
        }
        if (scope.hasTarget()) {
            return scopeLabel;
        }
        return scope == BreachScope.JOINED_BETWEEN ? joinedFrom + " – " + joinedTo : null;
    }

    public String recipientKey() {
        return recipientKey;
    }

    public String recipientLabel() {
        return recipientLabel;
    }

    public OffsetDateTime bannerUntil() {
        return bannerUntil;
    }

    /** The last day the public banner shows (it ends at the end of that day, UTC). */
    public LocalDate lastBannerDay() {
        return bannerUntil.minusDays(1).toLocalDate();
    }

    public Long recordedBy() {
        return recordedBy;
    }

    public OffsetDateTime recordedAt() {
        return recordedAt;
    }

    public Long sentBy() {
        return sentBy;
    }

    public OffsetDateTime sentAt() {
        return sentAt;
    }

    public boolean isSent() {
        return sentAt != null;
    }

    public int affectedCount() {
        return affectedCount;
    }

    public int mailedCount() {
        return mailedCount;
    }

    /** Whether the public banner shows at this moment: sent, and before its end. */
    public boolean showsBannerAt(OffsetDateTime at) {
        return isSent() && bannerUntil.isAfter(at);
    }

    @Override
    public String toString() {
        return "BreachNotice[" + id + ", " + scope + (recipientKey == null ? "" : " " + recipientKey) + ", sent " + sentAt + "]";
    }
}
