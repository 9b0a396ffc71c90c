package org.colloquy.removal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.colloquy.account.MemberRecordsExpired;

/**
 * Removal requests outlive an account's deletion as the proof that each was answered, and in time
 * (the deletion term "privacyRequests"); when that keeping period ends they are erased.
 */
@ApplicationScoped
public class RemovalMemberRecords {

    @PersistenceContext
    EntityManager em;

    void expired(@Observes MemberRecordsExpired expiry) {
        em.createQuery("DELETE FROM RemovalRequest r WHERE r.memberId = :member").setParameter("member", expiry.memberId()).executeUpdate();
    }
}
