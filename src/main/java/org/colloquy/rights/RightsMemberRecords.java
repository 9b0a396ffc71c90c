package org.colloquy.rights;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.colloquy.account.MemberRecordsExpired;

/**
 * Rights requests (and under-age reports about the account) outlive its deletion as the proof that
 * each was answered, and in time (the deletion term "privacyRequests"); when that keeping period
 * ends they are erased, with their history (the database cascades it).
 */
@ApplicationScoped
public class RightsMemberRecords {

    @PersistenceContext
    EntityManager em;

    void expired(@Observes MemberRecordsExpired expiry) {
        em.createQuery("DELETE FROM RightsRequest r WHERE r.memberId = :member OR r.accountMemberId = :member")
                .setParameter("member", expiry.memberId()).executeUpdate();
        em.createQuery("DELETE FROM UnderAgeReport r WHERE r.memberId = :member").setParameter("member", expiry.memberId()).executeUpdate();
    }
}
