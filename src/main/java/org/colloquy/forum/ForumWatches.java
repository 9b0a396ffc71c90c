package org.colloquy.forum;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Watches and read state of members, by member id: {@link ForumService} passes the signed-in
 * caller's, {@link ForumWriter} the poster's (starting a topic or replying watches it). A new watch
 * starts after the newest post there is, so only later posts are mailed. Read state is the highest
 * post number a member has seen in a topic and is only ever raised.
 */
@Stateless
@PermitAll
public class ForumWatches {

    @PersistenceContext
    private EntityManager em;

    public boolean watchesTopic(long memberId, long topicId) {
        return !em.createNamedQuery("ForumWatch.ofTopic", ForumWatch.class).setParameter("member", memberId)
                .setParameter("topic", topicId).getResultList().isEmpty();
    }

    public boolean watchesCategory(long memberId, long categoryId) {
        return !em.createNamedQuery("ForumWatch.ofCategory", ForumWatch.class).setParameter("member", memberId)
                .setParameter("category", categoryId).getResultList().isEmpty();
    }

    /** Watches the topic from its newest post on; nothing when already watched. */
    public void watchTopic(long memberId, long topicId) {
        if (!watchesTopic(memberId, topicId)) {
            em.persist(ForumWatch.ofTopic(memberId, topicId, newestPostId(), now()));
        }
    }

    public void watchCategory(long memberId, long categoryId) {
        if (!watchesCategory(memberId, categoryId)) {
            em.persist(ForumWatch.ofCategory(memberId, categoryId, newestPostId(), now()));
        }
    }

    public void unwatchTopic(long memberId, long topicId) {
        em.createNamedQuery("ForumWatch.ofTopic", ForumWatch.class).setParameter("member", memberId)
                .setParameter("topic", topicId).getResultList().forEach(em::remove);
    }

    public void unwatchCategory(long memberId, long categoryId) {
        em.createNamedQuery("ForumWatch.ofCategory", ForumWatch.class).setParameter("member", memberId)
                .setParameter("category", categoryId).getResultList().forEach(em::remove);
    }

    /** What the member watches, topics first then categories, oldest watch first. */
    public List<ForumWatch> watchesOf(long memberId) {
        return em.createQuery("SELECT w FROM ForumWatch w WHERE w.memberId = :member ORDER BY w.categoryId, w.id", ForumWatch.class)
                .setParameter("member", memberId).getResultList();
    }

    /**
     * Records that the member has seen the topic up to post {@code number}: one statement, which
     * inserts the state or raises it, never lowers it (standard MERGE, on PostgreSQL 15 and H2).
     */
    public void markRead(long memberId, long topicId, int number) {
        em.createNativeQuery("MERGE INTO forum_read_state r"
                        + " USING (VALUES (CAST(?1 AS BIGINT), CAST(?2 AS BIGINT), CAST(?3 AS INT), CAST(?4 AS TIMESTAMP WITH TIME ZONE)))"
                        + " AS v (member_id, topic_id, last_read, read_at)"
                        + " ON r.member_id = v.member_id AND r.topic_id = v.topic_id"
                        + " WHEN MATCHED AND r.last_read < v.last_read THEN UPDATE SET last_read = v.last_read, read_at = v.read_at"
                        + " WHEN NOT MATCHED THEN INSERT (member_id, topic_id, last_read, read_at)"
                        + " VALUES (v.member_id, v.topic_id, v.last_read, v.read_at)")
                .setParameter(1, memberId).setParameter(2, topicId).setParameter(3, number).setParameter(4, now())
                .executeUpdate();
    }

    /**
     * {@link #markRead} in a transaction of its own, for pages: a page view that loses a race with
     * another tab of the same member (both inserting the first state) must not fail the page.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void markReadSeparately(long memberId, long topicId, int number) {
        markRead(memberId, topicId, number);
    }

    /** The highest post number the member has read in each of these topics (one statement); unread topics are left out. */
    public Map<Long, Integer> lastRead(long memberId, Collection<Long> topicIds) {
        Map<Long, Integer> read = new HashMap<>();
        if (topicIds.isEmpty()) {
            return read;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT topic_id, last_read FROM forum_read_state WHERE member_id = ?1"
                        + " AND topic_id IN (" + String.join(",", topicIds.stream().map(id -> Long.toString(id)).toList()) + ")")
                .setParameter(1, memberId).getResultList();
        for (Object[] row : rows) {
            read.put(((Number) row[0]).longValue(), ((Number) row[1]).intValue());
        }
        return read;
    }

    private long newestPostId() {
        Long newest = em.createQuery("SELECT MAX(p.id) FROM Post p", Long.class).getSingleResult();
        return newest == null ? 0 : newest;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
