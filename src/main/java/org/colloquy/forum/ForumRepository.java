package org.colloquy.forum;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/** Categories, topics and posts, for the forum context's services only. */
@ApplicationScoped
public class ForumRepository {

    @PersistenceContext
    private EntityManager em;

    public List<ForumCategory> categories(boolean includeMembersOnly) {
        if (includeMembersOnly) {
            return em.createNamedQuery("ForumCategory.all", ForumCategory.class).getResultList();
        }
        return em.createNamedQuery("ForumCategory.visible", ForumCategory.class)
                .setParameter("public", Visibility.PUBLIC).getResultList();
    }

    public Optional<ForumCategory> category(long id) {
        return Optional.ofNullable(em.find(ForumCategory.class, id));
    }

    public Optional<ForumCategory> categoryBySlug(String slug) {
        return em.createNamedQuery("ForumCategory.bySlug", ForumCategory.class).setParameter("slug", slug)
                .getResultStream().findFirst();
    }

    /** The topic and its category in one statement. */
    public Optional<Object[]> topicWithCategory(long topicId) {
        return em.createNamedQuery("Topic.withCategory", Object[].class).setParameter("id", topicId)
                .getResultStream().findFirst();
    }

    /** The topic, locked against concurrent posts (which number from its counter). */
    public Optional<Topic> lockTopic(long topicId) {
        return Optional.ofNullable(em.find(Topic.class, topicId, LockModeType.PESSIMISTIC_WRITE));
    }

    /** These topics by id, in one statement. */
    public Map<Long, Topic> topicsById(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT t FROM Topic t WHERE t.id IN :ids", Topic.class).setParameter("ids", ids).getResultStream()
                .collect(Collectors.toMap(Topic::id, t -> t));
    }

    public List<Topic> topics(long categoryId, int first, int max) {
        return em.createNamedQuery("Topic.ofCategory", Topic.class).setParameter("category", categoryId)
                .setFirstResult(first).setMaxResults(max).getResultList();
    }

    /** Posts numbered after {@code after} up to {@code upTo}, in order. */
    public List<Post> posts(long topicId, int after, int upTo) {
        return em.createNamedQuery("Post.range", Post.class).setParameter("topic", topicId)
                .setParameter("after", after).setParameter("upTo", upTo).getResultList();
    }

    public Optional<Post> post(long postId) {
        return Optional.ofNullable(em.find(Post.class, postId));
    }

    public Optional<Post> lockPost(long postId) {
        return Optional.ofNullable(em.find(Post.class, postId, LockModeType.PESSIMISTIC_WRITE));
    }

    public List<PostRevision> revisions(long postId) {
        return em.createNamedQuery("PostRevision.ofPost", PostRevision.class).setParameter("post", postId).getResultList();
    }

    public void countPost(long categoryId, java.time.OffsetDateTime at) {
        em.createNamedQuery("ForumCategory.countPost").setParameter("at", at).setParameter("id", categoryId).executeUpdate();
    }

    /** Adds (or with negative numbers takes away) topics and posts from a category's counters: a topic moves. */
    public void moveCounts(long categoryId, int topics, int posts) {
        em.createNamedQuery("ForumCategory.move").setParameter("topics", topics).setParameter("posts", posts)
                .setParameter("id", categoryId).executeUpdate();
    }

    /** The latest activity of a category becomes {@code at} if that is later (a topic moved in). */
    public void touchCategory(long categoryId, java.time.OffsetDateTime at) {
        em.createQuery("UPDATE ForumCategory c SET c.lastActivityAt = :at WHERE c.id = :id"
                + " AND (c.lastActivityAt IS NULL OR c.lastActivityAt < :at)").setParameter("at", at).setParameter("id", categoryId)
                .executeUpdate();
    }

    /** How many posts of the topic its category counts: every post but held ones. */
    public int countedPosts(long topicId) {
        return em.createQuery("SELECT COUNT(p) FROM Post p WHERE p.topicId = :topic AND p.reviewState <> 'HELD'", Long.class)
                .setParameter("topic", topicId).getSingleResult().intValue();
    }

    public void countTopic(long categoryId, java.time.OffsetDateTime at) {
        em.createNamedQuery("ForumCategory.countTopic").setParameter("at", at).setParameter("id", categoryId).executeUpdate();
    }

    /** How many posts the member ever wrote (held, hidden and deleted ones too). */
    public long postCountBy(long authorId) {
        return em.createQuery("SELECT COUNT(p) FROM Post p WHERE p.authorId = :author", Long.class)
                .setParameter("author", authorId).getSingleResult();
    }

    /** Every post the member wrote, locked, for the deletion of their account. */
    public List<Post> lockPostsBy(long authorId) {
        return em.createQuery("SELECT p FROM Post p WHERE p.authorId = :author ORDER BY p.id", Post.class)
                .setParameter("author", authorId).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    /** Earlier texts of these posts, gone with the posts of a deleted account. */
    public int deleteRevisions(List<Long> postIds) {
        if (postIds.isEmpty()) {
            return 0;
        }
        return em.createQuery("DELETE FROM PostRevision r WHERE r.postId IN :ids").setParameter("ids", postIds).executeUpdate();
    }

    /**
     * The ids of the posts, or with {@code revisions} of the post revisions, whose lower-case
     * Markdown matches one of these {@code LIKE} patterns, in order (a native query: the same
     * {@code LOWER ... LIKE} on PostgreSQL and H2).
     */
    public List<Long> idsWithText(boolean revisions, java.util.Collection<String> likePatterns) {
        if (likePatterns.isEmpty()) {
            return List.of();
        }
        List<String> patterns = List.copyOf(likePatterns);
        String where = patterns.stream().map(p -> "LOWER(body_markdown) LIKE ?").collect(Collectors.joining(" OR "));
        var query = em.createNativeQuery("SELECT id FROM " + (revisions ? "forum_post_revision" : "forum_post")
                + " WHERE " + where + " ORDER BY id");
        for (int i = 0; i < patterns.size(); i++) {
            query.setParameter(i + 1, patterns.get(i));
        }
        List<?> rows = query.getResultList();
        return rows.stream().map(r -> ((Number) r).longValue()).toList();
    }

    /** These posts, locked, in order of id. */
    public List<Post> lockPosts(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT p FROM Post p WHERE p.id IN :ids ORDER BY p.id", Post.class).setParameter("ids", ids)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    public List<PostRevision> revisionsById(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT r FROM PostRevision r WHERE r.id IN :ids ORDER BY r.id", PostRevision.class)
                .setParameter("ids", ids).getResultList();
    }

    /** Writes what changed and lets go of these entities, so that a long batch job holds one batch at a time. */
    public void flushAndDetach(List<?> entities) {
        em.flush();
        entities.forEach(em::detach);
    }

    /** The member's watches and read markers (forum_read_state has no entity). */
    public void deleteTracesOf(long memberId) {
        em.createQuery("DELETE FROM ForumWatch w WHERE w.memberId = :member").setParameter("member", memberId).executeUpdate();
        em.createNativeQuery("DELETE FROM forum_read_state WHERE member_id = ?1").setParameter(1, memberId).executeUpdate();
    }

    public void add(Object entity) {
        em.persist(entity);
    }

    public void flush() {
        em.flush();
    }

    /** A member's newest posts that are not deleted, with their topics, in categories of these visibilities. */
    public List<Object[]> recentPostsBy(long authorId, java.util.Collection<Visibility> visibilities, int max) {
        return em.createNamedQuery("Post.recentByAuthor", Object[].class).setParameter("author", authorId)
                .setParameter("visibilities", visibilities).setMaxResults(max).getResultList();
    }

    public long countPostsBy(long authorId) {
        return em.createNamedQuery("Post.countByAuthor", Long.class).setParameter("author", authorId).getSingleResult();
    }

    /** The ids of every member who wrote a post in a topic of this category, whatever the post's state. */
    public List<Long> authorsIn(long categoryId) {
        return em.createQuery("SELECT DISTINCT p.authorId FROM Post p, Topic t WHERE p.topicId = t.id AND t.categoryId = :category"
                + " AND p.authorId IS NOT NULL ORDER BY p.authorId", Long.class).setParameter("category", categoryId).getResultList();
    }
}
