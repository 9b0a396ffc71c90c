package org.colloquy.platform.mail;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The outbox table for the {@link OutboxSender}: finding due mails, claiming one, and recording how
 * its attempt ended. Every change commits in a short transaction of its own, so that no
 * transaction is open while a mail is on its way, and each node sees the others' claims at once.
 * Only the mail context uses it; other contexts go through {@link MailOutbox}.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboxRepository {

    /** How long a claim holds a mail; longer than an attempt can take (three 10 s timeouts). */
    public static final Duration CLAIM = Duration.ofMinutes(2);

    @PersistenceContext(unitName = "colloquy")
    EntityManager entityManager;

    /**
     * Claims a due mail for one attempt, with a conditional update: of any number of workers on any
     * number of nodes claiming the same mail at once, exactly one gets {@code true}.
     *
     * @return whether this caller holds the mail until {@code now + CLAIM}; {@code false} when it is
     *         sent, not yet due, or held by an unexpired claim
     */
    public boolean claim(long id, OffsetDateTime now) {
        OffsetDateTime at = utc(now);
        int changed = entityManager.createNamedQuery("OutboxMail.claim")
                .setParameter("id", id)
                .setParameter("now", at)
                .setParameter("until", at.plus(CLAIM))
                .executeUpdate();
        return changed == 1;
    }

    /** Records that the claimed mail went out. */
    public void markSent(long id, OffsetDateTime at) {
        find(id).ifPresent(mail -> mail.markSent(at));
    }

    /** Records that the claimed mail is refused by its recipient's preferences and will never be sent. */
    public void markSuppressed(long id, OffsetDateTime at, String reason) {
        find(id).ifPresent(mail -> mail.markSuppressed(at, reason));
    }

    /** Records a failed attempt of the claimed mail and when to try again. */
    public void recordFailure(long id, OffsetDateTime at, String error) {
        find(id).ifPresent(mail -> mail.recordFailure(at, error));
    }

    /** The ids of unsent, unclaimed mails due at {@code now}, longest waiting first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Long> findDueIds(OffsetDateTime now, int max) {
        return entityManager.createNamedQuery("OutboxMail.findDueIds", Long.class)
                .setParameter("now", utc(now))
                .setMaxResults(max)
                .getResultList();
    }

    /** The mail with its attachments, for the transport. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<OutboxMail> findForSending(long id) {
        return entityManager.createNamedQuery("OutboxMail.findForSending", OutboxMail.class).setParameter("id", id)
                .getResultStream().findFirst();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<OutboxMail> find(long id) {
        return Optional.ofNullable(entityManager.find(OutboxMail.class, id));
    }

    private static OffsetDateTime utc(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
