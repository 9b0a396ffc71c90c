package org.colloquy.organization;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.colloquy.account.MemberDeleting;

/**
 * The organization context's part of deleting an account (P-ACCOUNT-2, the deletion term
 * "organizationNotices"): the notices that an organization would see the member are erased, and
 * with its address gone no organization's view can show the account again.
 */
@ApplicationScoped
public class OrganizationMemberDeletion {

    @PersistenceContext
    EntityManager em;

    void deleting(@Observes MemberDeleting deletion) {
        em.createQuery("DELETE FROM OrganizationNotice n WHERE n.memberId = :member").setParameter("member", deletion.memberId())
                .executeUpdate();
    }
}
