package org.colloquy.rights;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/** Rights requests, under-age reports and their history, for the rights context's services only. */
@ApplicationScoped
public class RightsRepository {

    @PersistenceContext
    private EntityManager em;

    public void add(Object entity) {
        em.persist(entity);
    }

    public void flush() {
        em.flush();
    }

    public RightsRequest request(long id) {
        return Optional.ofNullable(em.find(RightsRequest.class, id, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> new NoSuchRightsItemException("There is no rights request " + id));
    }

    public UnderAgeReport report(long id) {
        return Optional.ofNullable(em.find(UnderAgeReport.class, id, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> new NoSuchRightsItemException("There is no under-age report " + id));
    }

    public Optional<RightsRequest> requestByToken(String hash) {
        return em.createNamedQuery("RightsRequest.byToken", RightsRequest.class).setParameter("hash", hash)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    public Optional<UnderAgeReport> reportByToken(String hash) {
        return em.createNamedQuery("UnderAgeReport.byToken", UnderAgeReport.class).setParameter("hash", hash)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    public List<RightsRequest> requests() {
        return em.createNamedQuery("RightsRequest.all", RightsRequest.class).getResultList();
    }

    public List<RightsRequest> requestsOf(long memberId) {
        return em.createNamedQuery("RightsRequest.ofMember", RightsRequest.class).setParameter("member", memberId).getResultList();
    }

    public List<UnderAgeReport> reports() {
        return em.createNamedQuery("UnderAgeReport.all", UnderAgeReport.class).getResultList();
    }

    /** Open requests due by {@code limit} that have not yet been escalated to {@code stage}. */
    public List<RightsRequest> toEscalate(OffsetDateTime limit, int stage) {
        return em.createNamedQuery("RightsRequest.openDueBefore", RightsRequest.class)
                .setParameter("open", List.of(RequestStatus.RECEIVED, RequestStatus.IN_PROGRESS))
                .setParameter("limit", limit).setParameter("stage", stage).getResultList();
    }

    /**
     * Claims the escalation of a request to {@code stage} by a conditional UPDATE, so two nodes
     * running the schedule at once never escalate the same stage twice.
     *
     * @return true when this call claimed it
     */
    public boolean claimEscalation(long requestId, int stage) {
        return em.createQuery("UPDATE RightsRequest r SET r.escalationStage = :stage, r.version = r.version + 1"
                        + " WHERE r.id = :id AND r.escalationStage < :stage")
                .setParameter("stage", stage).setParameter("id", requestId).executeUpdate() == 1;
    }

    public List<HistoryEntry> historyOfRequest(long id) {
        return em.createNamedQuery("HistoryEntry.ofRequest", HistoryEntry.class).setParameter("id", id).getResultList();
    }

    public List<HistoryEntry> historyOfReport(long id) {
        return em.createNamedQuery("HistoryEntry.ofReport", HistoryEntry.class).setParameter("id", id).getResultList();
    }
}
