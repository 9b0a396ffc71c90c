package org.colloquy.forum;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.colloquy.account.MemberDirectory;
import org.colloquy.account.MemberSanctions;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.security.Caller;
import org.colloquy.policy.PolicyKind;
import org.colloquy.policy.PolicyService;
import org.colloquy.policy.PolicyVersion;

/**
 * The forums as the pages use them: categories with their counters, a category's topics by latest
 * activity, a topic's posts 20 to a page, and posting as the signed-in member (checked by
 * {@link ForumWriter}). A members-only category and everything in it is "not found" for anonymous
 * readers. Authors are shown by username only, read in one query per page (P-FORUM-1), so that a
 * topic page costs the same few statements whatever the number of posts or authors.
 */
@Stateless
@PermitAll
@DeclareRoles({"ADMIN", "MODERATOR", "PRIVACY_OFFICER"})
public class ForumService {

    private static final Logger LOG = Logger.getLogger(ForumService.class.getName());

    public static final int POSTS_PER_PAGE = 20;
    public static final int TOPICS_PER_PAGE = 20;

    @Inject
    private ForumRepository forums;

    @Inject
    private ForumWriter writer;

    @Inject
    private MemberDirectory directory;

    @Inject
    private PolicyService policies;

    @Inject
    private Caller caller;

    @Inject
    private ForumWatches watches;

    @Inject
    private ForumAudiences audiences;

    /** The categories the caller may read, in their order, with topic and post counts and latest activity. */
    public List<ForumCategory> categories() {
        return forums.categories(caller.memberId().isPresent()).stream().filter(this::mayRead).toList();
    }

    /** Every category, for administrators. */
    @RolesAllowed("ADMIN")
    public List<ForumCategory> allCategories() {
        return forums.categories(true);
    }

    /** Every category, staff-only ones included, for choosing one by name (a breach notice's scope, P-BREACH-1). */
    public List<ForumCategory> everyCategory() {
        return forums.categories(true);
    }

    /** @throws NoSuchForumItemException when there is no such category or the caller may not read it */
    public ForumCategory category(String slug) {
        return forums.categoryBySlug(slug == null ? "" : slug).filter(this::mayRead)
                .orElseThrow(() -> new NoSuchForumItemException("No forum " + slug));
    }

    /**
     * One page (1-based) of a category's topics, pinned first, then by latest activity.
     *
     * @throws NoSuchForumItemException when the caller may not read it, or the page is past the last
     */
    public ForumViews.TopicList topics(String categorySlug, int page) {
        ForumCategory category = category(categorySlug);
        int pages = Math.max(1, (category.topicCount() + TOPICS_PER_PAGE - 1) / TOPICS_PER_PAGE);
        if (page < 1 || page > pages) {
            throw new NoSuchForumItemException("No page " + page + " of forum " + categorySlug);
        }
        List<Topic> topics = forums.topics(category.id(), (page - 1) * TOPICS_PER_PAGE, TOPICS_PER_PAGE);
        Set<Long> authors = new HashSet<>();
        topics.forEach(t -> {
            authors.add(t.authorId());
            authors.add(t.lastAuthorId());
        });
        MemberDirectory.Authors named = directory.authors(authors);
        Map<Long, String> names = named.usernames();
        Optional<Long> member = caller.memberId();
        // Signed in: one more statement, the read state of the listed topics.
        Map<Long, Integer> read = member.isPresent() && !topics.isEmpty()
                ? watches.lastRead(member.get(), topics.stream().map(Topic::id).toList()) : Map.of();
        return new ForumViews.TopicList(category, topics.stream()
                .map(t -> new ForumViews.TopicRow(t, names.get(t.authorId()), names.get(t.lastAuthorId()),
                        member.isPresent() ? ForumViews.Unread.of(t, read.get(t.id())) : null)).toList(),
                page, pages, named.withoutPage());
    }

    /**
     * One page (1-based) of a topic's posts, 20 per page: three statements (topic with category,
     * posts, usernames) whatever the number of posts or authors.
     *
     * @throws NoSuchForumItemException when the caller may not read it, or the page is past the last
     */
    public ForumViews.TopicPage topic(long topicId, int page) {
        Object[] row = forums.topicWithCategory(topicId).filter(r -> mayRead((ForumCategory) r[1]))
                .orElseThrow(() -> new NoSuchForumItemException("No topic " + topicId));
        Topic topic = (Topic) row[0];
        ForumCategory category = (ForumCategory) row[1];
        if (page < 1 || page > topic.pages()) {
            throw new NoSuchForumItemException("No page " + page + " of topic " + topicId);
        }
        Optional<Long> reader = caller.memberId();
        // Held and hidden posts are shown to their authors only (with "awaiting review" or the reason);
        // a topic whose first post is held does not exist for anyone else.
        List<Post> all = forums.posts(topicId, (page - 1) * POSTS_PER_PAGE, page * POSTS_PER_PAGE);
        if (page == 1 && !all.isEmpty() && all.get(0).isHeld() && !isOwn(all.get(0), reader)) {
            throw new NoSuchForumItemException("No topic " + topicId);
        }
        List<Post> posts = all.stream().filter(p -> p.isVisible() || isOwn(p, reader)).toList();
        MemberDirectory.Authors named = directory.authors(posts.stream().map(Post::authorId).toList());
        Map<Long, String> names = named.usernames();
        // Signed in: one more statement, which records the highest post seen (anonymous pages keep their three).
        caller.memberId().filter(m -> !posts.isEmpty()).ifPresent(m -> markRead(m, topicId, posts.get(posts.size() - 1).number()));
        return new ForumViews.TopicPage(category, topic,
                posts.stream().map(p -> new ForumViews.PostRow(p, names.get(p.authorId()))).toList(), page, topic.pages(),
                named.withoutPage());
    }

    /**
     * A post the caller may read, with its topic and its author's username: for the edit form and for quoting.
     *
     * @throws NoSuchForumItemException when there is none the caller may read
     */
    public ForumViews.PostRow post(long postId) {
        Post post = forums.post(postId).filter(p -> p.isVisible() || isOwn(p, caller.memberId()))
                .orElseThrow(() -> new NoSuchForumItemException("No post " + postId));
        forums.topicWithCategory(post.topicId()).filter(r -> mayRead((ForumCategory) r[1]))
                .orElseThrow(() -> new NoSuchForumItemException("No post " + postId));
        return new ForumViews.PostRow(post, directory.usernames(Set.of(post.authorId() == null ? -1L : post.authorId()))
                .get(post.authorId()));
    }

    /** Earlier texts of a post, oldest first (for moderators, a later step; tests read them). */
    @RolesAllowed({"ADMIN", "MODERATOR"})
    public List<PostRevision> revisions(long postId) {
        return forums.revisions(postId);
    }

    /** Whether the signed-in member still has to accept the forum rules in effect before posting (P-FORUM-2). */
    public boolean callerOwesRules() {
        return caller.memberId().map(id -> !policies.hasAcceptedCurrent(id, PolicyKind.FORUM_RULES)).orElse(false);
    }

    /**
     * Why the signed-in member may not post now, when a moderator has silenced them (issue 7): until
     * when and why, in the words the refusal of a post uses, so that the editor can say it before
     * anything is typed. Empty when they are not silenced, or no longer: a silence ends by itself.
     */
    public Optional<String> callerSilence() {
        return caller.memberId().flatMap(directory::poster).filter(MemberDirectory.Poster::isSilenced)
                .map(p -> Texts.get("forum.refused.silenced", MemberSanctions.when(p.silencedUntil()), p.silenceReason()));
    }

    /** The forum rules in effect, if any. */
    public Optional<PolicyVersion> rules() {
        return policies.current(PolicyKind.FORUM_RULES);
    }

    /** Records the signed-in member's acceptance of the rules version they were shown. */
    public void acceptRules(int version, String via) {
        policies.acceptAsCaller(PolicyKind.FORUM_RULES, version, via);
    }

    public Topic startTopic(long categoryId, String title, String body) {
        long member = caller.requireMemberId();
        forums.category(categoryId).filter(this::mayRead).orElseThrow(() -> new NoSuchForumItemException("No forum " + categoryId));
        return writer.startTopic(member, categoryId, title, body);
    }

    public Post reply(long topicId, String body) {
        return writer.reply(caller.requireMemberId(), topicId, body);
    }

    public Post editOwnPost(long postId, String body) {
        return writer.edit(caller.requireMemberId(), postId, body);
    }

    public Post deleteOwnPost(long postId) {
        return writer.delete(caller.requireMemberId(), postId);
    }

    @RolesAllowed("ADMIN")
    public ForumCategory createCategory(CategoryDraft draft) {
        return writer.createCategory(draft);
    }

    @RolesAllowed("ADMIN")
    public ForumCategory updateCategory(long categoryId, CategoryDraft draft) {
        return writer.updateCategory(categoryId, draft);
    }

    private void markRead(long member, long topicId, int number) {
        try {
            watches.markReadSeparately(member, topicId, number);
        } catch (EJBException e) {
            // Another view of the same member recorded it at the same moment; the page does not depend on it.
            LOG.log(Level.FINE, "Read state of topic " + topicId + " not recorded", e);
        }
    }

    /** Whether the signed-in caller watches the topic (false for anonymous readers, without a query). */
    public boolean callerWatchesTopic(long topicId) {
        return caller.memberId().map(m -> watches.watchesTopic(m, topicId)).orElse(false);
    }

    public boolean callerWatchesCategory(long categoryId) {
        return caller.memberId().map(m -> watches.watchesCategory(m, categoryId)).orElse(false);
    }

    /** What the signed-in member watches, topics then forums, each with its title and address (three statements). */
    public List<ForumViews.WatchRow> callerWatches() {
        long member = caller.requireMemberId();
        List<ForumWatch> all = watches.watchesOf(member);
        Map<Long, Topic> topics = forums.topicsById(all.stream().map(ForumWatch::topicId).filter(Objects::nonNull).toList());
        Map<Long, ForumCategory> categories = forums.categories(true).stream()
                .collect(Collectors.toMap(ForumCategory::id, c -> c));
        List<ForumViews.WatchRow> rows = new ArrayList<>();
        for (ForumWatch w : all) {
            if (w.topicId() != null && topics.containsKey(w.topicId())) {
                Topic t = topics.get(w.topicId());
                rows.add(new ForumViews.WatchRow(true, t.id(), t.title(), t.path(), w.since()));
            } else if (w.categoryId() != null && categories.containsKey(w.categoryId())) {
                ForumCategory c = categories.get(w.categoryId());
                rows.add(new ForumViews.WatchRow(false, c.id(), c.name(), c.path(), w.since()));
            }
        }
        return rows;
    }

    /** Watches or stops watching a topic the caller may read. */
    public void watchTopic(long topicId, boolean watch) {
        long member = caller.requireMemberId();
        forums.topicWithCategory(topicId).filter(r -> mayRead((ForumCategory) r[1]))
                .orElseThrow(() -> new NoSuchForumItemException("No topic " + topicId));
        if (watch) {
            watches.watchTopic(member, topicId);
        } else {
            watches.unwatchTopic(member, topicId);
        }
    }

    /** Watches or stops watching a category the caller may read. */
    public void watchCategory(long categoryId, boolean watch) {
        long member = caller.requireMemberId();
        forums.category(categoryId).filter(this::mayRead).orElseThrow(() -> new NoSuchForumItemException("No forum " + categoryId));
        if (watch) {
            watches.watchCategory(member, categoryId);
        } else {
            watches.unwatchCategory(member, categoryId);
        }
    }

    /**
     * The member's newest posts (at most {@code max}, deleted ones left out) that a reader may read:
     * a signed-in reader ({@code asSignedIn}) reads members-only forums too, but only a caller who is
     * signed in can ask for that, so a preview "as an anonymous visitor" narrows and nothing widens.
     * One statement; for the profile page.
     */
    public List<ForumViews.RecentPost> recentPostsBy(long authorId, int max, boolean asSignedIn) {
        List<Visibility> readable = asSignedIn && caller.memberId().isPresent()
                ? List.of(Visibility.PUBLIC, Visibility.MEMBERS) : List.of(Visibility.PUBLIC);
        return forums.recentPostsBy(authorId, readable, Math.max(0, Math.min(max, 50))).stream().map(row -> {
            Post post = (Post) row[0];
            Topic topic = (Topic) row[1];
            return new ForumViews.RecentPost(post.id(), topic.title(), topic.path(post.page()) + "#post-" + post.number(),
                    post.number(), post.createdAt());
        }).toList();
    }

    /**
     * How many posts of the member are shown (not deleted, not held or hidden), in any forum: for the
     * administrator of an organization that claims the member's email domain (P-CORP-1), who reads
     * only the posts a signed-in reader may read through {@link #recentPostsBy}.
     */
    public long postCountBy(long authorId) {
        return forums.countPostsBy(authorId);
    }

    /**
     * The ids of the members who posted in this category (any post, whatever its state, deleted ones
     * included: the data was held): for a breach notice scoped to a forum category (P-BREACH-1).
     */
    public List<Long> postersIn(long categoryId) {
        return forums.authorsIn(categoryId);
    }

    /**
     * Posts for moderators, whatever their state, with their topics' titles and addresses and their
     * authors' usernames (never a real name or address); ids with no post are left out.
     */
    @RolesAllowed({"MODERATOR", "PRIVACY_OFFICER", "ADMIN"})
    public Map<Long, ForumViews.ModeratedPost> moderatedPosts(java.util.Collection<Long> postIds) {
        Map<Long, ForumViews.ModeratedPost> found = new java.util.LinkedHashMap<>();
        List<Post> posts = postIds.stream().distinct().map(forums::post).flatMap(Optional::stream).toList();
        Map<Long, String> names = directory.usernames(posts.stream().map(Post::authorId).toList());
        Map<Long, Topic> topics = forums.topicsById(posts.stream().map(Post::topicId).distinct().toList());
        for (Post p : posts) {
            Topic t = topics.get(p.topicId());
            found.put(p.id(), new ForumViews.ModeratedPost(p, t, names.get(p.authorId()),
                    t.path(p.page()) + "#post-" + p.number()));
        }
        return found;
    }

    /**
     * The category of each post, by post id (ids with no post are left out): for moderation's
     * category assignments (decision 0040). Only ids, nothing a member wrote.
     */
    public Map<Long, Long> categoriesOfPosts(java.util.Collection<Long> postIds) {
        List<Post> posts = postIds.stream().distinct().map(forums::post).flatMap(Optional::stream).toList();
        Map<Long, Topic> topics = forums.topicsById(posts.stream().map(Post::topicId).distinct().toList());
        Map<Long, Long> categories = new java.util.HashMap<>();
        posts.forEach(p -> categories.put(p.id(), topics.get(p.topicId()).categoryId()));
        return categories;
    }

    private static boolean isOwn(Post post, Optional<Long> reader) {
        return reader.isPresent() && post.authorId() != null && post.authorId().equals(reader.get());
    }

    private boolean mayRead(ForumCategory category) {
        return audiences.mayRead(category, caller.memberId());
    }
}
