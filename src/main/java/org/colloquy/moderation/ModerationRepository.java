package org.colloquy.moderation;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

/** Flags, review items and staff notes, for the moderation context's services only. */
@ApplicationScoped
public class ModerationRepository {

    @PersistenceContext
    private EntityManager em;

    public void add(Object entity) {
        em.persist(entity);
    }

    public void flush() {
        em.flush();
    }

    public Optional<ReviewItem> item(long id) {
        return Optional.ofNullable(em.find(ReviewItem.class, id));
    }

    /** The item re-read from the database (after a conditional update). */
    public Optional<ReviewItem> freshItem(long id) {
        ReviewItem item = em.find(ReviewItem.class, id);
        if (item != null) {
            em.refresh(item);
        }
        return Optional.ofNullable(item);
    }

    public Optional<ReviewItem> openItem(ReviewItem.Kind kind, long postId) {
        return em.createNamedQuery("ReviewItem.open", ReviewItem.class).setParameter("kind", kind.name())
                .setParameter("post", postId).getResultStream().findFirst();
    }

    /** The latest moderator decision on the post that can be appealed: a hiding, deletion or edit (not an appeal's). */
    public Optional<ReviewItem> lastAppealable(long postId) {
        return em.createNamedQuery("ReviewItem.lastAppealable", ReviewItem.class).setParameter("post", postId).setMaxResults(1)
                .getResultStream().findFirst();
    }

    public Optional<ReviewItem> appealOf(long itemId) {
        return em.createNamedQuery("ReviewItem.appealOf", ReviewItem.class).setParameter("item", itemId).getResultStream().findFirst();
    }

    public List<Flag> openFlags(long postId) {
        return em.createNamedQuery("Flag.openOnPost", Flag.class).setParameter("post", postId).getResultList();
    }

    public boolean hasOpenFlag(long postId, long flaggerId) {
        return !em.createNamedQuery("Flag.openBy", Flag.class).setParameter("post", postId).setParameter("flagger", flaggerId)
                .getResultList().isEmpty();
    }

    /** @return 1 when the claim was taken, 0 when someone holds the item or it is decided */
    public int claim(long itemId, long moderatorId, OffsetDateTime now) {
        return em.createNamedQuery("ReviewItem.claim").setParameter("moderator", moderatorId).setParameter("now", now)
                .setParameter("id", itemId).executeUpdate();
    }

    public int release(long itemId, long moderatorId) {
        return em.createNamedQuery("ReviewItem.release").setParameter("moderator", moderatorId).setParameter("id", itemId)
                .executeUpdate();
    }

    public int decide(long itemId, long moderatorId, String decision, OffsetDateTime now) {
        return em.createNamedQuery("ReviewItem.decide").setParameter("moderator", moderatorId).setParameter("now", now)
                .setParameter("decision", decision).setParameter("id", itemId).executeUpdate();
    }

    /**
     * Open items, oldest first: of one kind and reason if given, created before {@code olderThan} if given.
     */
    public List<ReviewItem> queue(ReviewItem.Kind kind, FlagReason reason, OffsetDateTime olderThan, int max) {
        return queue(kind, reason, olderThan, 0, max);
    }

    /** The same, skipping the {@code first} oldest (a category moderator's queue reads it in chunks). */
    public List<ReviewItem> queue(ReviewItem.Kind kind, FlagReason reason, OffsetDateTime olderThan, int first, int max) {
        StringBuilder jpql = new StringBuilder("SELECT i FROM ReviewItem i WHERE i.decidedAt IS NULL");
        if (kind != null) {
            jpql.append(" AND i.kind = :kind");
        }
        if (reason != null) {
            jpql.append(" AND i.reason = :reason");
        }
        if (olderThan != null) {
            jpql.append(" AND i.createdAt <= :olderThan");
        }
        jpql.append(" ORDER BY i.createdAt, i.id");
        TypedQuery<ReviewItem> q = em.createQuery(jpql.toString(), ReviewItem.class);
        if (kind != null) {
            q.setParameter("kind", kind.name());
        }
        if (reason != null) {
            q.setParameter("reason", reason.name());
        }
        if (olderThan != null) {
            q.setParameter("olderThan", olderThan);
        }
        return q.setFirstResult(first).setMaxResults(max).getResultList();
    }

    public Optional<ModeratorAssignment> assignment(long memberId) {
        return Optional.ofNullable(em.find(ModeratorAssignment.class, memberId));
    }

    /** Removes the member's moderator assignment, if any (their account is being deleted). */
    public void removeAssignment(long memberId) {
        ModeratorAssignment assignment = em.find(ModeratorAssignment.class, memberId);
        if (assignment != null) {
            em.remove(assignment);
        }
    }

    /** The end of each moderator's term, for those that have one (one row per moderator: a small table). */
    public java.util.Map<Long, OffsetDateTime> termEnds() {
        java.util.Map<Long, OffsetDateTime> ends = new java.util.HashMap<>();
        em.createNamedQuery("ModeratorAssignment.withEnd", ModeratorAssignment.class).getResultList().forEach(a -> ends.put(a.memberId(), a.endsAt()));
        return ends;
    }

    /**
     * Items decided by a moderator since the moment, newest first, at most {@code max}:
     * rows of (decidedBy, flagCount, createdAt, decidedAt).
     */
    public List<Object[]> decidedSince(OffsetDateTime since, int max) {
        return em.createQuery("SELECT i.decidedBy, i.flagCount, i.createdAt, i.decidedAt FROM ReviewItem i WHERE i.decidedAt >= :since"
                + " AND i.decidedBy IS NOT NULL ORDER BY i.decidedAt DESC, i.id DESC", Object[].class).setParameter("since", since)
                .setMaxResults(max).getResultList();
    }

    /** The number of open items and when the oldest entered the queue (null when none). */
    public Object[] openQueue() {
        return em.createQuery("SELECT COUNT(i), MIN(i.createdAt) FROM ReviewItem i WHERE i.decidedAt IS NULL", Object[].class)
                .getSingleResult();
    }

    public List<ReviewNote> notes(Collection<Long> itemIds) {
        if (itemIds.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery("ReviewNote.ofItems", ReviewNote.class).setParameter("items", List.copyOf(itemIds)).getResultList();
    }
}
