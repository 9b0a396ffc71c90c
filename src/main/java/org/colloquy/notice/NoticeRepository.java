package org.colloquy.notice;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Notices, for the notice context's services only. */
@ApplicationScoped
public class NoticeRepository {

    @PersistenceContext
    private EntityManager em;

    public void add(Notice notice) {
        em.persist(notice);
    }

    /** One page of the member's notices, newest first. */
    public List<Notice> page(long memberId, int first, int max) {
        return em.createNamedQuery("Notice.ofMember", Notice.class).setParameter("member", memberId).setFirstResult(first)
                .setMaxResults(max).getResultList();
    }

    public long count(long memberId) {
        return em.createNamedQuery("Notice.count", Long.class).setParameter("member", memberId).getSingleResult();
    }

    public long unread(long memberId) {
        return em.createNamedQuery("Notice.unread", Long.class).setParameter("member", memberId).getSingleResult();
    }

    public java.util.Optional<Notice> of(long memberId, long noticeId) {
        return java.util.Optional.ofNullable(em.find(Notice.class, noticeId)).filter(n -> n.memberId() == memberId);
    }

    public int markRead(long memberId, long noticeId, OffsetDateTime now) {
        return em.createNamedQuery("Notice.markRead").setParameter("now", now).setParameter("id", noticeId)
                .setParameter("member", memberId).executeUpdate();
    }

    public int markAllRead(long memberId, OffsetDateTime now) {
        return em.createNamedQuery("Notice.markAllRead").setParameter("now", now).setParameter("member", memberId).executeUpdate();
    }

    public int deleteOf(long memberId) {
        return em.createNamedQuery("Notice.deleteOfMember").setParameter("member", memberId).executeUpdate();
    }
}
