package org.colloquy.removal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/** Removal requests in the database; only the removal context uses it. */
@ApplicationScoped
public class RemovalRepository {

    @PersistenceContext
    private EntityManager em;

    public void add(RemovalRequest request) {
        em.persist(request);
        em.flush();
    }

    public Optional<RemovalRequest> find(long id) {
        return Optional.ofNullable(em.find(RemovalRequest.class, id));
    }

    /** The request, its row locked until the transaction ends: two officers cannot decide it at once. */
    public Optional<RemovalRequest> lock(long id) {
        return Optional.ofNullable(em.find(RemovalRequest.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public Optional<RemovalRequest> openFor(RemovalRequest.ItemKind kind, long itemId) {
        return em.createNamedQuery("RemovalRequest.openForItem", RemovalRequest.class).setParameter("kind", kind)
                .setParameter("item", itemId).getResultStream().findFirst();
    }

    /** Open requests, the oldest due first. */
    public List<RemovalRequest> open(int max) {
        return em.createNamedQuery("RemovalRequest.open", RemovalRequest.class).setMaxResults(max).getResultList();
    }

    public List<RemovalRequest> ofMember(long memberId) {
        return em.createNamedQuery("RemovalRequest.ofMember", RemovalRequest.class).setParameter("member", memberId).getResultList();
    }

    /** Open requests due by then (overdue ones included), the oldest due first. */
    public List<RemovalRequest> dueBy(OffsetDateTime by) {
        return em.createNamedQuery("RemovalRequest.dueBy", RemovalRequest.class).setParameter("by", by).getResultList();
    }

    /**
     * Claims the escalation of a request for a day and stage: a conditional update, so however many
     * nodes run the timer, each request is escalated at most once a day per stage.
     *
     * @return whether this caller claimed it
     */
    public boolean claimEscalation(long id, LocalDate today, String stage) {
        return em.createQuery("UPDATE RemovalRequest r SET r.escalatedOn = :today, r.escalationStage = :stage,"
                        + " r.escalations = r.escalations + 1 WHERE r.id = :id AND r.openItemId IS NOT NULL"
                        + " AND (r.escalatedOn IS NULL OR r.escalatedOn < :today OR r.escalationStage <> :stage)")
                .setParameter("today", today).setParameter("stage", stage).setParameter("id", id).executeUpdate() == 1;
    }
}
