package org.colloquy.platform.mail;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The one way to send mail from Colloquy: {@link #enqueue} writes the mail into the outbox in the
 * caller's transaction, so a mail exists exactly when the change it reports commits, and survives
 * an SMTP server that is down. After the commit a send is attempted at once in the background
 * ({@link SendAfterCommit}); {@link OutboxSender} retries whatever is still unsent.
 * Marketing and notification mail is put to the recipient's {@link MailPreferences} when queued
 * and again when sent: a refused mail is recorded as suppressed and never sent (P-MARKETING-1).
 *
 * <h2>Usage</h2>
 * <pre>
 * &#64;Inject MailOutbox outbox;
 *
 * &#64;Transactional
 * public void register(...) {
 *     ... persist the member ...
 *     outbox.enqueue(MailCategory.ACCOUNT, member.email(), "Confirm your address",
 *             "Open this link to confirm: " + site.getUrl() + "/verify?token=" + token);
 * }
 * </pre>
 */
@ApplicationScoped
public class MailOutbox {

    /** The most files one mail carries. */
    public static final int MAX_ATTACHMENTS = 5;

    @PersistenceContext(unitName = "colloquy")
    EntityManager entityManager;

    @Inject
    Event<MailQueued> queued;

    @Inject
    PreferenceCheck preferences;

    /**
     * Erases every mail queued or sent to this address (P-ACCOUNT-2: the member deleting their
     * account); a mail queued afterwards in the same transaction, the last one, stays.
     *
     * @return how many mails were erased
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forget(String recipient) {
        entityManager.flush();
        return entityManager.createQuery("DELETE FROM OutboxMail m WHERE m.recipient = :recipient")
                .setParameter("recipient", recipient).executeUpdate();
    }

    /**
     * Queues a plain-text mail. Joins the caller's transaction (or starts one): if that rolls back,
     * the mail is gone with it and is never sent.
     *
     * @throws jakarta.validation.ConstraintViolationException when a parameter is invalid; the
     *         caller's transaction is then marked for rollback
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public void enqueue(
            @NotNull(message = "A mail needs a category: ACCOUNT or MARKETING (a notification names its kind)") MailCategory category,
            @NotBlank(message = "A mail needs a recipient")
            @Size(max = OutboxMail.RECIPIENT_LENGTH, message = "The recipient address is longer than {max} characters")
            @Email(message = "The recipient is not a mail address") String recipient,
            @NotBlank(message = "A mail needs a subject")
            @Size(max = OutboxMail.SUBJECT_LENGTH, message = "The subject is longer than {max} characters")
            @Pattern(regexp = "[^\\r\\n]*", message = "The subject must be a single line") String subject,
            @NotNull(message = "A mail needs a body, even an empty one") String bodyText) {
        enqueue(category, recipient, subject, bodyText, List.of());
    }

    /**
     * Queues a plain-text mail with files attached, sent as one multipart message (text first, then
     * each file); as {@link #enqueue(MailCategory, String, String, String)} otherwise.
     *
     * <h2>Usage</h2>
     * <pre>
     * outbox.enqueue(MailCategory.ACCOUNT, to, subject, body,
     *         List.of(new MailAttachment("webinar.ics", "text/calendar; charset=UTF-8; method=REQUEST", ics)));
     * </pre>
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public void enqueue(
            @NotNull(message = "A mail needs a category: ACCOUNT or MARKETING (a notification names its kind)") MailCategory category,
            @NotBlank(message = "A mail needs a recipient")
            @Size(max = OutboxMail.RECIPIENT_LENGTH, message = "The recipient address is longer than {max} characters")
            @Email(message = "The recipient is not a mail address") String recipient,
            @NotBlank(message = "A mail needs a subject")
            @Size(max = OutboxMail.SUBJECT_LENGTH, message = "The subject is longer than {max} characters")
            @Pattern(regexp = "[^\\r\\n]*", message = "The subject must be a single line") String subject,
            @NotNull(message = "A mail needs a body, even an empty one") String bodyText,
            @NotNull(message = "A mail's attachments are a list, empty for none")
            @Size(max = MAX_ATTACHMENTS, message = "A mail may carry at most {max} attachments") List<@NotNull MailAttachment> attachments) {
        if (category == MailCategory.NOTIFICATION) {
            throw new IllegalArgumentException("A notification mail is queued with enqueueNotification, which names its kind");
        }
        OutboxMail mail = new OutboxMail(category, null, recipient.strip(), subject, bodyText, OffsetDateTime.now(ZoneOffset.UTC));
        mail.attach(attachments);
        write(mail);
    }

    /**
     * Queues a notification of one kind, which the recipient may have opted out of; as
     * {@link #enqueue} otherwise.
     *
     * <h2>Usage</h2>
     * <pre>
     * outbox.enqueueNotification(NotificationKind.FORUM_REPLY, author.email(), "A reply to your post", text);
     * </pre>
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public void enqueueNotification(
            @NotNull(message = "A notification mail needs its kind") NotificationKind kind,
            @NotBlank(message = "A mail needs a recipient")
            @Size(max = OutboxMail.RECIPIENT_LENGTH, message = "The recipient address is longer than {max} characters")
            @Email(message = "The recipient is not a mail address") String recipient,
            @NotBlank(message = "A mail needs a subject")
            @Size(max = OutboxMail.SUBJECT_LENGTH, message = "The subject is longer than {max} characters")
            @Pattern(regexp = "[^\\r\\n]*", message = "The subject must be a single line") String subject,
            @NotNull(message = "A mail needs a body, even an empty one") String bodyText) {
        write(new OutboxMail(MailCategory.NOTIFICATION, kind, recipient.strip(), subject, bodyText, OffsetDateTime.now(ZoneOffset.UTC)));
    }

    /**
     * Writes the mail; one the recipient's preferences refuse now is written as suppressed, so the
     * outbox shows that it was not sent and why, and no send is attempted.
     */
    private void write(OutboxMail mail) {
        var refusal = preferences.suppression(mail.category(), mail.notificationKind().orElse(null), mail.recipient());
        refusal.ifPresent(reason -> mail.markSuppressed(mail.createdAt(), reason));
        entityManager.persist(mail);
        if (refusal.isEmpty()) {
            // The id is generated by the database; flushing now lets the event carry it.
            entityManager.flush();
            queued.fire(new MailQueued(mail.id()));
        }
    }

    /** The id of the newest mail queued to this address, for a caller that must find it again without the address. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Long> newestTo(String recipient) {
        return Optional.ofNullable(entityManager.createQuery("SELECT MAX(m.id) FROM OutboxMail m WHERE m.recipient = :recipient", Long.class)
                .setParameter("recipient", recipient).getSingleResult());
    }

    /** Erases one mail, found by {@link #newestTo}, once the reason to keep it has passed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(long id) {
        entityManager.createQuery("DELETE FROM OutboxMail m WHERE m.id = :id").setParameter("id", id).executeUpdate();
    }

    /**
     * Up to {@code max} mails queued to exactly this address with an id above {@code afterId}, in the
     * order of their ids: for the recipient's data export, read in pages.
     */
    public List<MailCopy> to(String recipient, long afterId, @Min(1) @Max(1000) int max) {
        return entityManager.createQuery("SELECT m FROM OutboxMail m WHERE m.recipient = :recipient AND m.id > :after ORDER BY m.id",
                        OutboxMail.class)
                .setParameter("recipient", recipient).setParameter("after", afterId).setMaxResults(max).getResultStream()
                .map(m -> new MailCopy(m.id(), m.subject(), m.bodyText(), m.category(), m.notificationKind().orElse(null), m.createdAt(),
                        m.sentAt().orElse(null), m.suppressedAt().orElse(null), m.suppressedReason().orElse(null)))
                .toList();
    }

    /** The newest mails in the outbox, newest first, for the dev mailbox. */
    public List<OutboxMail> newest(@Min(1) @Max(500) int max) {
        return entityManager.createNamedQuery("OutboxMail.findNewest", OutboxMail.class).setMaxResults(max).getResultList();
    }
}
