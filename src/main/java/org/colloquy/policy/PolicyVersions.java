package org.colloquy.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/** The published versions, for the policy context's own classes. */
@ApplicationScoped
public class PolicyVersions {

    @PersistenceContext
    private EntityManager em;

    /** Every version of a document, newest first. */
    public List<PolicyVersion> ofKind(PolicyKind kind) {
        return em.createNamedQuery("PolicyVersion.ofKind", PolicyVersion.class).setParameter("kind", kind).getResultList();
    }

    /**
     * The newest version, with every version of the document locked, so that two publications of
     * the same document take their numbers in turn (the unique (kind, number) constraint stops the
     * first two of a document). All rows, not one: the PostgreSQL platform writes FOR UPDATE before
     * LIMIT, which H2 refuses; a document has few versions.
     */
    Optional<PolicyVersion> newestLocked(PolicyKind kind) {
        return em.createNamedQuery("PolicyVersion.ofKind", PolicyVersion.class).setParameter("kind", kind)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    public Optional<PolicyVersion> byNumber(PolicyKind kind, int number) {
        return em.createNamedQuery("PolicyVersion.byNumber", PolicyVersion.class)
                .setParameter("kind", kind).setParameter("number", number).getResultStream().findFirst();
    }

    /** The newest version in effect on that day. */
    public Optional<PolicyVersion> inEffect(PolicyKind kind, LocalDate day) {
        return em.createNamedQuery("PolicyVersion.inEffect", PolicyVersion.class)
                .setParameter("kind", kind).setParameter("today", day).setMaxResults(1).getResultStream().findFirst();
    }

    /** Material versions in effect on that day, of every kind. */
    public List<PolicyVersion> materialInEffect(LocalDate day) {
        return em.createNamedQuery("PolicyVersion.materialInEffect", PolicyVersion.class).setParameter("today", day).getResultList();
    }

    /** Material versions that take effect on that day or later: announced until the day they take effect. */
    public List<PolicyVersion> materialAnnounced(LocalDate day) {
        return em.createNamedQuery("PolicyVersion.materialAnnounced", PolicyVersion.class).setParameter("today", day).getResultList();
    }

    void add(PolicyVersion version) {
        em.persist(version);
        em.flush();
    }
}
