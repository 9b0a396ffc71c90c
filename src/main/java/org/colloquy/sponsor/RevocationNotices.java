package org.colloquy.sponsor;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.colloquy.account.MemberAddresses;
import org.colloquy.event.EventService;
import org.colloquy.event.SharedField;
import org.colloquy.event.SponsorSharing;
import org.colloquy.event.Webinar;
import org.colloquy.event.WebinarRegistration;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.mail.MailCategory;
import org.colloquy.platform.mail.MailOutbox;
import org.colloquy.platform.security.Caller;
import org.colloquy.platform.web.Site;
import org.colloquy.privacy.ConsentWithdrawn;
import org.colloquy.privacy.DisclosureService;
import org.colloquy.privacy.LedgerEntryView;
import org.colloquy.privacy.LedgerPage;

/**
 * Revocation notices (P-SPONSOR-3). When a member withdraws sharing with a sponsor that already
 * received their data (the member's ledger says so), the sponsor gets a notice in its portal
 * listing what to delete, and its contacts a mail that sends them there; the mail names nobody.
 * Runs in the withdrawing transaction: the notice exists exactly when the withdrawal does.
 */
@Stateless
public class RevocationNotices {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private DisclosureService disclosures;

    @Inject
    private EventService events;

    @Inject
    private SponsorService sponsors;

    @Inject
    private MemberAddresses addresses;

    @Inject
    private MailOutbox outbox;

    @Inject
    private Site site;

    @Inject
    private Caller caller;

    /** Called by {@link RevocationObserver} for a withdrawn sharing consent. */
    public void withdrawn(ConsentWithdrawn event) {
        SponsorSharing.Subject subject = SponsorSharing.parse(event.subjectKey()).orElse(null);
        if (subject == null) {
            return;
        }
        Webinar webinar = events.find(subject.webinarId()).orElse(null);
        Set<String> received = receivedFields(event.memberId(), event.subjectKey());
        if (webinar == null || received.isEmpty() || em.createNamedQuery("RevocationNotice.count", Long.class).setParameter("sponsor", subject.sponsorId())
                .setParameter("consent", event.consentId()).getSingleResult() > 0) {
            return;
        }
        MemberAddresses.Address address = addresses.details(List.of(event.memberId())).get(event.memberId());
        WebinarRegistration registration = events.anyRegistration(event.memberId(), subject.webinarId()).orElse(null);
        List<String> who = new ArrayList<>();
        for (String field : received) {
            switch (SharedField.ofKey(field).orElse(SharedField.EMAIL)) {
                case EMAIL -> who.add(address == null ? "" : address.email());
                case NAME -> who.add(address == null ? "" : address.name());
                case JOB_TITLE -> who.add(registration == null || registration.jobTitle() == null ? "" : registration.jobTitle());
                case ORGANIZATION -> who.add(registration == null || registration.organization() == null ? "" : registration.organization());
            }
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        em.persist(new RevocationNotice(subject.sponsorId(), subject.webinarId(), event.consentId(), String.join(",", received),
                String.join(" · ", who), now));
        Map<Long, String> contacts = addresses.notifiable(sponsors.contactsOf(subject.sponsorId()));
        String subjectLine = Texts.get("sponsor.revocation.mail.subject");
        String body = Texts.get("sponsor.revocation.mail.body", webinar.title(), site.getUrl() + "/sponsor/portal");
        contacts.values().forEach(to -> outbox.enqueue(MailCategory.ACCOUNT, to, subjectLine, body));
    }

    /** The notices of a sponsor, unacknowledged first, for one of its contacts. */
    public List<RevocationNotice> ofSponsor(long contactId, long sponsorId) {
        requireContact(contactId, sponsorId);
        return em.createNamedQuery("RevocationNotice.ofSponsor", RevocationNotice.class).setParameter("sponsor", sponsorId).getResultList();
    }

    public List<RevocationNotice> ofSponsorAsCaller(long sponsorId) {
        return ofSponsor(caller.requireMemberId(), sponsorId);
    }

    /** A contact of the notice's sponsor acknowledges it (the data is deleted). */
    public void acknowledge(long contactId, long noticeId) {
        RevocationNotice notice = em.find(RevocationNotice.class, noticeId);
        if (notice == null) {
            throw new PortalRefusedException(Texts.get("sponsor.portal.refused"));
        }
        requireContact(contactId, notice.sponsorId());
        notice.acknowledge(contactId, OffsetDateTime.now(ZoneOffset.UTC));
    }

    public void acknowledgeAsCaller(long noticeId) {
        acknowledge(caller.requireMemberId(), noticeId);
    }

    private void requireContact(long contactId, long sponsorId) {
        if (!sponsors.isContact(contactId, sponsorId)) {
            throw new PortalRefusedException(Texts.get("sponsor.portal.refused"));
        }
    }

    /** Every field this member's ledger says went to this recipient, in the order of the shared fields. */
    private Set<String> receivedFields(long memberId, String recipientKey) {
        Set<String> fields = new java.util.HashSet<>();
        for (int page = 0; ; page++) {
            LedgerPage ledger = disclosures.forMember(memberId, page, 100);
            for (LedgerEntryView entry : ledger.entries()) {
                if (recipientKey.equals(entry.recipientKey())) {
                    fields.addAll(entry.fields());
                }
            }
            if (!ledger.hasNext()) {
                break;
            }
        }
        Set<String> ordered = new LinkedHashSet<>();
        for (SharedField f : SharedField.values()) {
            if (fields.contains(f.key())) {
                ordered.add(f.key());
            }
        }
        return ordered;
    }
}
