package org.colloquy.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.colloquy.account.AddressOwners;
import org.colloquy.platform.mail.MailCategory;
import org.colloquy.platform.mail.MailOutbox;
import org.colloquy.platform.mail.MailTransports;
import org.colloquy.platform.mail.NotificationKind;
import org.colloquy.platform.mail.OutboxMail;
import org.colloquy.platform.mail.OutboxSender;

/**
 * Deployed only by tests (see {@link PrivacyTestServlet}): what a feature of the portal would do to
 * a member's data and mail, done on a test's request.
 */
@Stateless
public class PrivacyTestSupport {

    /** How far ahead a held mail is due: far beyond any test, so only {@link #release} sends it. */
    static final Duration HOLD = Duration.ofDays(1);

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AddressOwners owners;

    @Inject
    private ConsentService consents;

    @Inject
    private MailOutbox outbox;

    @Inject
    private DisclosureService disclosures;

    @Inject
    private OutboxSender sender;

    @Inject
    private MailTransports transports;

    public long memberIdOf(String email) {
        return owners.memberIdOf(email).orElseThrow(() -> new IllegalArgumentException("No member uses " + email));
    }

    /** Gives the consent a sponsor registration form would record. */
    public long giveSponsorConsent(String email, String sponsorKey, String sponsorLabel, Set<String> fields) {
        Consent consent = consents.give(memberIdOf(email), ConsentRequest.of(ConsentPurpose.SPONSOR_SHARING, "event-notice/1",
                        "I agree that " + sponsorLabel + " may receive my " + String.join(", ", fields) + ".",
                        "Webinar registration form (test)")
                .about(sponsorKey, sponsorLabel).forFields(fields));
        em.flush(); // the database gives the id
        return consent.id();
    }

    /** Discloses fields of a member to a sponsor on the basis of a consent, as a sponsor's list export would. */
    public long discloseToSponsor(String email, String sponsorKey, String sponsorLabel, Set<String> fields, String purpose,
            long consentId) {
        Recipient sponsor = new Recipient(RecipientKind.SPONSOR, sponsorKey, sponsorLabel);
        return disclosures.disclose(Disclosure.of(sponsor, fields, purpose, memberIdOf(email), Basis.consent(consentId)))
                .get(0).id();
    }

    /**
     * Queues a mail as a feature would; a held mail is due only in {@link #HOLD}, so that nothing
     * sends it until {@link #release}.
     *
     * @return the outbox row's id
     */
    public long queue(MailCategory category, NotificationKind kind, String to, String subject, String body, boolean hold) {
        if (category == MailCategory.NOTIFICATION) {
            outbox.enqueueNotification(kind, to, subject, body);
        } else {
            outbox.enqueue(category, to, subject, body);
        }
        long id = em.createQuery("SELECT m.id FROM OutboxMail m WHERE m.recipient = :to AND m.subject = :subject ORDER BY m.id DESC", Long.class)
                .setParameter("to", to.strip()).setParameter("subject", subject).setMaxResults(1).getSingleResult();
        if (hold) {
            // Before the commit, so the immediate send after it finds the mail not yet due.
            em.createQuery("UPDATE OutboxMail m SET m.nextAttemptAt = :at WHERE m.id = :id")
                    .setParameter("at", OffsetDateTime.now(ZoneOffset.UTC).plus(HOLD)).setParameter("id", id).executeUpdate();
        }
        return id;
    }

    /** Attempts a held mail now, as the sender's poll would once it is due; answers the outcome. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public OutboxSender.Outcome release(long id) {
        Clock whenDue = Clock.offset(Clock.systemUTC(), HOLD.plusMinutes(1));
        return sender.attempt(id, transports.configured(), whenDue);
    }

    /** "sent", "suppressed: reason" or "queued". */
    public String state(long id) {
        OutboxMail mail = em.find(OutboxMail.class, id);
        em.refresh(mail);
        return mail.isSent() ? "sent" : mail.isSuppressed() ? "suppressed: " + mail.suppressedReason().orElse("") : "queued";
    }
}
