package org.colloquy.platform.mail;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

/**
 * One mail in the outbox ({@code mail_outbox}): written in the transaction of the change it
 * reports, sent later by {@link OutboxSender}, and never deleted. It is unsent while
 * {@link #sentAt()} is empty; a sender holds it only while {@link #claimedUntil()} lies in the
 * future, so a claim left by a node that died mid-send simply runs out. A mail the recipient's
 * preferences refuse ({@link MailPreferences}) is kept as suppressed, with the reason, and never
 * sent. Its {@link MailAttachment attachments}, if any, are stored with it and loaded only for
 * sending ({@code OutboxMail.findForSending}). All times are UTC.
 */
@Entity
@Table(name = "mail_outbox")
@NamedQuery(name = "OutboxMail.findNewest",
        query = "SELECT m FROM OutboxMail m ORDER BY m.createdAt DESC, m.id DESC")
@NamedQuery(name = "OutboxMail.findForSending",
        query = "SELECT m FROM OutboxMail m LEFT JOIN FETCH m.attachments WHERE m.id = :id")
@NamedQuery(name = "OutboxMail.findDueIds",
        query = "SELECT m.id FROM OutboxMail m WHERE m.sentAt IS NULL AND m.suppressedAt IS NULL AND m.nextAttemptAt <= :now"
                + " AND (m.claimedUntil IS NULL OR m.claimedUntil < :now) ORDER BY m.nextAttemptAt, m.id")
@NamedQuery(name = "OutboxMail.claim",
        query = "UPDATE OutboxMail m SET m.claimedUntil = :until WHERE m.id = :id AND m.sentAt IS NULL"
                + " AND m.suppressedAt IS NULL AND m.nextAttemptAt <= :now AND (m.claimedUntil IS NULL OR m.claimedUntil < :now)")
public class OutboxMail {

    /** The longest address RFC 5321 allows: 64 for the local part, 1 for the @, 255 for the domain. */
    public static final int RECIPIENT_LENGTH = 320;
    public static final int SUBJECT_LENGTH = 200;
    public static final int CATEGORY_LENGTH = 20;
    public static final int LAST_ERROR_LENGTH = 1000;
    public static final int NOTIFICATION_KIND_LENGTH = 40;
    public static final int SUPPRESSED_REASON_LENGTH = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id", nullable = false, updatable = false)
    private Long id;

    @Column(name = "recipient", length = RECIPIENT_LENGTH, nullable = false, updatable = false)
    private String recipient;

    @Column(name = "subject", length = SUBJECT_LENGTH, nullable = false, updatable = false)
    private String subject;

    @Column(name = "body_text", nullable = false, updatable = false)
    private String bodyText;

    @Enumerated(EnumType.STRING)
    @Column(name = "category", length = CATEGORY_LENGTH, nullable = false, updatable = false)
    private MailCategory category;

    @Enumerated(EnumType.STRING)
    @Column(name = "notification_kind", length = NOTIFICATION_KIND_LENGTH, updatable = false)
    private NotificationKind notificationKind;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private OffsetDateTime nextAttemptAt;

    @Column(name = "claimed_until")
    private OffsetDateTime claimedUntil;

    @Column(name = "sent_at")
    private OffsetDateTime sentAt;

    @Column(name = "last_error", length = LAST_ERROR_LENGTH)
    private String lastError;

    @Column(name = "suppressed_at")
    private OffsetDateTime suppressedAt;

    @Column(name = "suppressed_reason", length = SUPPRESSED_REASON_LENGTH)
    private String suppressedReason;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "mail_attachment", joinColumns = @JoinColumn(name = "mail_id"))
    @OrderColumn(name = "position")
    private List<MailAttachment> attachments = new ArrayList<>();

    protected OutboxMail() {
        // for JPA
    }

    /** A mail queued at {@code queuedAt} and due at once. */
    public OutboxMail(MailCategory category, String recipient, String subject, String bodyText, OffsetDateTime queuedAt) {
        this(category, null, recipient, subject, bodyText, queuedAt);
    }

    /**
     * A mail queued at {@code queuedAt} and due at once; a {@link MailCategory#NOTIFICATION} names
     * its kind, any other category none.
     */
    public OutboxMail(MailCategory category, NotificationKind kind, String recipient, String subject, String bodyText,
            OffsetDateTime queuedAt) {
        this.category = Objects.requireNonNull(category);
        if ((category == MailCategory.NOTIFICATION) != (kind != null)) {
            throw new IllegalArgumentException(category == MailCategory.NOTIFICATION
                    ? "A notification mail needs its kind" : "Only a notification mail has a kind, not " + category);
        }
        this.notificationKind = kind;
        this.recipient = Objects.requireNonNull(recipient);
        this.subject = Objects.requireNonNull(subject);
        this.bodyText = Objects.requireNonNull(bodyText);
        this.createdAt = utc(Objects.requireNonNull(queuedAt));
        this.nextAttemptAt = this.createdAt;
    }

    /** Adds files to send with the mail, before it is persisted. */
    void attach(List<MailAttachment> files) {
        attachments.addAll(files);
    }

    /**
     * The files sent with the mail, in order; loaded with the mail only by the sender's query, so
     * read them from a mail the {@link OutboxRepository} found for sending.
     */
    public List<MailAttachment> attachments() {
        return List.copyOf(attachments);
    }

    /** Records that the mail went out; the claim ends with it. */
    void markSent(OffsetDateTime at) {
        sentAt = utc(at);
        claimedUntil = null;
    }

    /** Records a failed attempt and schedules the next one by {@link RetryBackoff}; the claim ends. */
    void recordFailure(OffsetDateTime at, String error) {
        attempts++;
        lastError = truncate(error == null || error.isBlank() ? "unknown error" : error, LAST_ERROR_LENGTH);
        nextAttemptAt = utc(at).plus(RetryBackoff.after(attempts));
        claimedUntil = null;
    }

    /** Records that the recipient's preferences refuse the mail: it is never sent, and says why. */
    void markSuppressed(OffsetDateTime at, String reason) {
        suppressedAt = utc(at);
        suppressedReason = truncate(reason == null || reason.isBlank() ? "refused by the recipient's preferences" : reason,
                SUPPRESSED_REASON_LENGTH);
        claimedUntil = null;
    }

    private static OffsetDateTime utc(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    public Long id() {
        return id;
    }

    public MailCategory category() {
        return category;
    }

    /** The kind of a {@link MailCategory#NOTIFICATION}, empty for any other category. */
    public Optional<NotificationKind> notificationKind() {
        return Optional.ofNullable(notificationKind);
    }

    public String recipient() {
        return recipient;
    }

    public String subject() {
        return subject;
    }

    public String bodyText() {
        return bodyText;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    /** How many attempts have failed; a successful one is not counted. */
    public int attempts() {
        return attempts;
    }

    public OffsetDateTime nextAttemptAt() {
        return nextAttemptAt;
    }

    public Optional<OffsetDateTime> claimedUntil() {
        return Optional.ofNullable(claimedUntil);
    }

    public Optional<OffsetDateTime> sentAt() {
        return Optional.ofNullable(sentAt);
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    public boolean isSent() {
        return sentAt != null;
    }

    /** When the recipient's preferences stopped the mail, empty unless they did. */
    public Optional<OffsetDateTime> suppressedAt() {
        return Optional.ofNullable(suppressedAt);
    }

    public Optional<String> suppressedReason() {
        return Optional.ofNullable(suppressedReason);
    }

    public boolean isSuppressed() {
        return suppressedAt != null;
    }

    /** Without the body, which may hold a one-time link. */
    @Override
    public String toString() {
        return "OutboxMail[" + id + " " + category + (notificationKind == null ? "" : " " + notificationKind) + " to "
                + recipient + ", '" + subject + "', "
                + (sentAt != null ? "sent " + sentAt
                        : suppressedAt != null ? "suppressed " + suppressedAt + " (" + suppressedReason + ")"
                        : attempts + " failed attempt(s), next " + nextAttemptAt) + "]";
    }
}
