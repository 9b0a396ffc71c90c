package org.colloquy.sponsor;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.security.Caller;

/**
 * Revocation notices (P-SPONSOR-3): what a sponsor must delete after an attendee withdrew, shown in
 * its portal, unacknowledged first, until one of its contacts acknowledges it. Written by
 * {@link RevocationObserver} in the withdrawing transaction.
 */
@Stateless
public class RevocationNotices {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private SponsorService sponsors;

    @Inject
    private Caller caller;

    /**
     * Records a notice for this sponsor about this withdrawn consent, once; answers whether it is new.
     * Called by {@link RevocationObserver} in the withdrawing transaction.
     */
    public boolean record(long sponsorId, long webinarId, long consentId, String fields, String attendee) {
        if (em.createNamedQuery("RevocationNotice.count", Long.class).setParameter("sponsor", sponsorId)
                .setParameter("consent", consentId).getSingleResult() > 0) {
            return false;
        }
        em.persist(new RevocationNotice(sponsorId, webinarId, consentId, fields, attendee, OffsetDateTime.now(ZoneOffset.UTC)));
        return true;
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
}
