package org.colloquy.forum;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.colloquy.account.MemberAddresses;
import org.colloquy.account.MemberDirectory;

/**
 * Mails watchers the posts they have not been sent yet: one mail per watcher per topic per sweep
 * ({@link WatchSweep} runs it every interval), listing the new posts by username, the start of
 * their text and a link (P-FORUM-1: usernames only). Never the watcher's own posts or deleted
 * ones, never to a member who is suspended, unverified, gone or may not read the category. A
 * category watch leaves out topics the member also watches on their own (those have their mail).
 * Each watch is handled in a transaction of its own that first claims its posts with a conditional
 * update: on two nodes only one wins, and the mails commit with the claim or not at all.
 */
@Stateless
@PermitAll
public class WatchNotifier {

    /** Posts handled per watch and sweep; more wait for the next sweep. */
    static final int MAX_POSTS = 200;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private MemberAddresses addresses;

    @Inject
    private MemberDirectory directory;

    @Inject
    private ForumMails mails;

    @Inject
    private ForumAudiences audiences;

    /** The watches with posts after the last they were sent. */
    public List<Long> due() {
        return em.createNamedQuery("ForumWatch.due", Long.class).getResultList();
    }

    /** @return how many mails were queued for this watch; 0 also when another node claimed it first */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int mailWatcher(long watchId) {
        ForumWatch watch = em.find(ForumWatch.class, watchId);
        if (watch == null) {
            return 0;
        }
        List<Post> posts = (watch.topicId() != null
                ? em.createQuery("SELECT p FROM Post p WHERE p.topicId = :target AND p.id > :after ORDER BY p.id", Post.class)
                        .setParameter("target", watch.topicId())
                : em.createQuery("SELECT p FROM Post p, Topic t WHERE t.categoryId = :target AND p.topicId = t.id"
                        + " AND p.id > :after ORDER BY p.id", Post.class).setParameter("target", watch.categoryId()))
                .setParameter("after", watch.lastPostId()).setMaxResults(MAX_POSTS).getResultList();
        if (posts.isEmpty()) {
            return 0;
        }
        long upTo = posts.get(posts.size() - 1).id();
        int claimed = em.createNamedQuery("ForumWatch.claim").setParameter("upTo", upTo).setParameter("now", now())
                .setParameter("id", watchId).setParameter("from", watch.lastPostId()).executeUpdate();
        if (claimed != 1) {
            return 0;
        }
        Optional<String> address = Optional.ofNullable(addresses.notifiable(Set.of(watch.memberId())).get(watch.memberId()));
        if (address.isEmpty()) {
            return 0;
        }
        Map<Long, List<Post>> byTopic = new LinkedHashMap<>();
        for (Post post : posts) {
            if (!post.isDeleted() && post.isVisible() && (post.authorId() == null || post.authorId() != watch.memberId())) {
                byTopic.computeIfAbsent(post.topicId(), t -> new ArrayList<>()).add(post);
            }
        }
        if (byTopic.isEmpty()) {
            return 0;
        }
        if (watch.categoryId() != null) {
            em.createNamedQuery("ForumWatch.topicsWatched", Long.class).setParameter("member", watch.memberId())
                    .setParameter("topics", List.copyOf(byTopic.keySet())).getResultList().forEach(byTopic::remove);
        }
        Set<Long> authors = new HashSet<>();
        byTopic.values().forEach(list -> list.forEach(p -> authors.add(p.authorId())));
        Map<Long, String> names = directory.usernames(authors);
        int queued = 0;
        for (Map.Entry<Long, List<Post>> entry : byTopic.entrySet()) {
            Topic topic = em.find(Topic.class, entry.getKey());
            ForumCategory category = topic == null ? null : em.find(ForumCategory.class, topic.categoryId());
            if (category == null || !audiences.mayRead(category, watch.memberId())) {
                continue;
            }
            mails.watched(address.get(), topic, category, entry.getValue(), names, watch.categoryId() != null);
            queued++;
        }
        return queued;
    }

    /**
     * A held post was just approved: watchers whose sweep already went past it while it was held
     * (their {@code lastPostId} is at or after it) are mailed it now, once; the others get it from
     * the next sweep like any new post. Runs in the approval's transaction. Not the author, not a
     * category watcher who also watches the topic (their topic watch tells them), not a watcher the
     * forum's audience no longer admits (decision 0046).
     *
     * @return how many mails were queued
     */
    public int approved(long postId) {
        Post post = em.find(Post.class, postId);
        Topic topic = post == null ? null : em.find(Topic.class, post.topicId());
        ForumCategory category = topic == null ? null : em.find(ForumCategory.class, topic.categoryId());
        if (category == null || !post.isVisible() || post.isDeleted()) {
            return 0;
        }
        List<ForumWatch> passed = em.createQuery("SELECT w FROM ForumWatch w WHERE (w.topicId = :topic OR w.categoryId = :category)"
                + " AND w.lastPostId >= :post ORDER BY w.id", ForumWatch.class).setParameter("topic", topic.id())
                .setParameter("category", category.id()).setParameter("post", postId).getResultList();
        Set<Long> topicWatchers = new HashSet<>(em.createQuery("SELECT w.memberId FROM ForumWatch w WHERE w.topicId = :topic", Long.class)
                .setParameter("topic", topic.id()).getResultList());
        Map<Long, Boolean> toTell = new LinkedHashMap<>();
        for (ForumWatch watch : passed) {
            boolean categoryWatch = watch.topicId() == null;
            if ((post.authorId() == null || watch.memberId() != post.authorId()) && !(categoryWatch && topicWatchers.contains(watch.memberId()))
                    && audiences.mayRead(category, watch.memberId())) {
                toTell.putIfAbsent(watch.memberId(), categoryWatch);
            }
        }
        if (toTell.isEmpty()) {
            return 0;
        }
        Map<Long, String> names = directory.usernames(Set.of(post.authorId() == null ? -1L : post.authorId()));
        Map<Long, String> to = addresses.notifiable(toTell.keySet());
        to.forEach((member, address) -> mails.watched(address, topic, category, List.of(post), names, toTell.get(member)));
        return to.size();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
