package org.colloquy.privacy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.colloquy.platform.security.Caller;

/**
 * The one consent service of every context (P-CONSENT-1). Giving writes a new record with the exact
 * notice the member saw; withdrawing adds a withdrawal beside the record and fires
 * {@link ConsentWithdrawn}; nothing here changes or deletes a record. Withdrawal is prospective: a
 * check made after it answers "not live", and nothing done before it is touched.
 */
@Stateless
public class ConsentService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Caller caller;

    @Inject
    private Event<ConsentWithdrawn> withdrawn;

    /**
     * Records a consent of this member. When a live consent already says exactly the same (purpose,
     * subject, fields and notice version) it is returned and nothing is added. The consent returned
     * has its id, so a caller can name it as a disclosure's basis at once.
     */
    public Consent give(long memberId, ConsentRequest request) {
        Objects.requireNonNull(request);
        Optional<Consent> same = live(memberId, request.purpose(), request.subjectKey()).filter(c -> c.sameAs(request));
        if (same.isPresent()) {
            return same.get();
        }
        Consent consent = new Consent(memberId, request, now());
        em.persist(consent);
        // The id comes from the database.
        em.flush();
        return consent;
    }

    /** Records a consent of the signed-in member. */
    public Consent giveAsCaller(ConsentRequest request) {
        return give(caller.requireMemberId(), request);
    }

    /**
     * Withdraws one of the signed-in member's consents. Withdrawing one already withdrawn changes
     * nothing.
     *
     * @throws NoSuchConsentException when the consent is not the caller's
     */
    public Consent withdrawAsCaller(long consentId, String via) {
        return withdraw(caller.requireMemberId(), consentId, via);
    }

    /**
     * Withdraws a consent of this member, for a context acting on the member's own request (a
     * registration cancelled, a testimonial deleted).
     *
     * @throws NoSuchConsentException when the consent is not this member's
     */
    public Consent withdraw(long memberId, long consentId, String via) {
        Consent consent = em.find(Consent.class, consentId, LockModeType.PESSIMISTIC_WRITE);
        if (consent == null || consent.memberId() != memberId) {
            throw new NoSuchConsentException(consentId);
        }
        if (!consent.isLive()) {
            return consent;
        }
        ConsentWithdrawal withdrawal = new ConsentWithdrawal(consent, now(), Objects.requireNonNull(via));
        em.persist(withdrawal);
        consent.withdrawn(withdrawal);
        withdrawn.fire(new ConsentWithdrawn(consent.id(), memberId, consent.purpose(), consent.subjectKey()));
        return consent;
    }

    /** Withdraws every live consent of this member for this purpose and subject (null subject: none). */
    public List<Consent> withdrawAll(long memberId, ConsentPurpose purpose, String subjectKey, String via) {
        List<Consent> live = liveAll(memberId, purpose, subjectKey);
        live.forEach(c -> withdraw(memberId, c.id(), via));
        return live;
    }

    /**
     * Withdraws every live consent of a member deleting their account (P-ACCOUNT-2): each withdrawal
     * is recorded and fires {@link ConsentWithdrawn}, so sponsors that received data are told, as on
     * any withdrawal. The records themselves stay, as proof of what was given and withdrawn.
     */
    public List<Consent> withdrawEverything(long memberId, String via) {
        List<Consent> live = history(memberId).stream().filter(Consent::isLive).toList();
        live.forEach(c -> withdraw(memberId, c.id(), via));
        return live;
    }

    /**
     * Erases the consent records and ledger entries of a deleted member once their keeping period
     * has passed (P-ACCOUNT-2); withdrawals go with their consents.
     *
     * @return how many consents were erased
     */
    public int eraseRecordsOf(long memberId) {
        em.createQuery("DELETE FROM LedgerEntry e WHERE e.memberId = :member").setParameter("member", memberId).executeUpdate();
        em.createQuery("DELETE FROM ConsentWithdrawal w WHERE w.consentId IN (SELECT c.id FROM Consent c WHERE c.memberId = :member)")
                .setParameter("member", memberId).executeUpdate();
        return em.createQuery("DELETE FROM Consent c WHERE c.memberId = :member").setParameter("member", memberId).executeUpdate();
    }

    /** The newest live consent of this member for this purpose and subject (null subject: none). */
    public Optional<Consent> live(long memberId, ConsentPurpose purpose, String subjectKey) {
        return liveAll(memberId, purpose, subjectKey).stream().findFirst();
    }

    /** Whether this consent exists and has not been withdrawn, read from the database now. */
    public boolean isLive(long consentId) {
        Consent consent = em.find(Consent.class, consentId);
        if (consent == null) {
            return false;
        }
        return consent.isLive();
    }

    public Optional<Consent> find(long consentId) {
        return Optional.ofNullable(em.find(Consent.class, consentId));
    }

    /**
     * The ids of every consent of this purpose the member gave, live and withdrawn, in order: for a
     * context that keeps records tied to a consent (a sponsor's revocation notice) and must find the
     * member's (their data export).
     */
    public List<Long> idsOf(long memberId, ConsentPurpose purpose) {
        return em.createQuery("SELECT c.id FROM Consent c WHERE c.memberId = :member AND c.purpose = :purpose ORDER BY c.id", Long.class)
                .setParameter("member", memberId).setParameter("purpose", purpose.name()).getResultList();
    }

    /** Every consent this member gave, live and withdrawn, newest first. */
    public List<Consent> history(long memberId) {
        return em.createNamedQuery("Consent.ofMember", Consent.class).setParameter("member", memberId).getResultList();
    }

    private List<Consent> liveAll(long memberId, ConsentPurpose purpose, String subjectKey) {
        var query = subjectKey == null
                ? em.createNamedQuery("Consent.liveOfWithoutSubject", Consent.class)
                : em.createNamedQuery("Consent.liveOf", Consent.class).setParameter("subject", subjectKey);
        return query.setParameter("member", memberId).setParameter("purpose", purpose.name()).getResultList();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
