package org.colloquy.forum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;
import javax.xml.parsers.DocumentBuilderFactory;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;

import org.colloquy.forum.web.AtomFeed;
import org.colloquy.platform.config.DatabaseKind;
import org.colloquy.platform.persistence.DatabaseMigrator;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.policy.PolicyKind;
import org.colloquy.policy.PolicyPublisher;
import org.colloquy.policy.PolicyService;
import org.colloquy.test.Deployments;
import org.colloquy.test.TestDatabase;
import org.colloquy.test.TestMembers;
import org.colloquy.workgroup.Actor;
import org.colloquy.workgroup.Workgroup;
import org.colloquy.workgroup.Workgroups;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Forum search and feeds inside the container, on the database the run uses (H2, or PostgreSQL with
 * its full-text index): ranking, highlighting that lets no markup through, what anonymous readers and
 * members find, deleted posts, paging, refused queries; Atom feeds that parse, leave deleted posts out,
 * name authors by username only (P-FORUM-1) and do not exist for members-only forums; a workgroup's
 * discussion area is found by nobody (decision 0046). Each test uses its own made-up word, so that
 * other tests' posts on a shared database never match.
 */
@ExtendWith(ArquillianExtension.class)
class ForumSearchIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.portal().addClasses(TestMembers.class, ForumTestSupport.class, TestDatabase.class);
    }

    @Resource(lookup = DatabaseMigrator.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    TestDatabase db;

    @Inject
    ForumSearch search;

    @Inject
    ForumSearchRepository searchRepository;

    @Inject
    ForumFeeds feeds;

    @Inject
    DatabaseMigrator database;

    @Inject
    ForumWriter writer;

    @Inject
    PolicyService policies;

    @Inject
    PolicyPublisher publisher;

    @Inject
    ForumRepository forums;

    @Inject
    ForumAudiences audiences;

    @Inject
    Workgroups workgroups;

    @BeforeEach
    void rulesInEffect() {
        TestMembers.forumRulesInEffect(policies, publisher);
    }

    /** A topic whose title holds the words ranks above a newer post that only mentions them. */
    @Test
    void aTitleMatchRanksAboveABodyMatch() {
        String word = word();
        ForumCategory category = category(Visibility.PUBLIC);
        long member = poster("ranker");
        Topic inTitle = writer.startTopic(member, category.id(), "All about " + word + " care", "Feeding and housing them.");
        Topic inBody = writer.startTopic(poster("ranker"), category.id(), "Something else",
                "By the way, my " + word + " likes " + word + " food.");

        ForumSearch.Results results = search.search(word, 1);
        assertEquals(2, results.total());
        assertEquals(inTitle.path() + "#post-1", results.hits().get(0).path());
        assertEquals(inBody.path() + "#post-1", results.hits().get(1).path());
        assertEquals("All about <mark>" + word + "</mark> care", results.hits().get(0).titleHtml());
        assertTrue(results.hits().get(1).snippetHtml().contains("<mark>" + word + "</mark>"), results.hits().get(1).snippetHtml());
        assertEquals(category.name(), results.hits().get(0).categoryName());
        assertTrue(results.hits().get(0).author().startsWith("ranker"), "the username: " + results.hits().get(0).author());
    }

    /** A snippet is escaped text: markup a post shows as text stays text, and only the matched word is in a mark. */
    @Test
    void highlightingLetsNoMarkupThrough() {
        String word = word();
        ForumCategory category = category(Visibility.PUBLIC);
        Topic topic = writer.startTopic(poster("marker"), category.id(), "<em>Fish</em> & " + word,
                "Try <script>alert('x')</script> & <b>bold</b> \"quotes\" with " + word + " here.");

        ForumSearch.Hit hit = search.search(word, 1).hits().get(0);
        assertEquals(topic.path() + "#post-1", hit.path());
        assertEquals("&lt;em&gt;Fish&lt;/em&gt; &amp; <mark>" + word + "</mark>", hit.titleHtml());
        String snippet = hit.snippetHtml();
        assertTrue(snippet.contains("<mark>" + word + "</mark>"), snippet);
        assertTrue(snippet.contains("&lt;/script&gt;"), "the post's text shows the markup as text: " + snippet);
        assertTrue(snippet.contains("&lt;b&gt;bold&lt;/b&gt; &quot;quotes&quot;"), snippet);
        String withoutMarks = snippet.replace("<mark>", "").replace("</mark>", "");
        assertFalse(withoutMarks.contains("<"), "no markup but the marks: " + snippet);
        assertFalse(withoutMarks.contains(">"), "no markup but the marks: " + snippet);
        assertFalse(withoutMarks.contains("\""), snippet);
    }

    /** Members-only forums are searched for signed-in members only; anonymous readers find nothing of them. */
    @Test
    void membersOnlyPostsAreFoundByMembersOnly() {
        String word = word();
        ForumCategory hidden = category(Visibility.MEMBERS);
        ForumCategory open = category(Visibility.PUBLIC);
        writer.startTopic(poster("insider"), hidden.id(), "Inside " + word, "For members: " + word);
        Topic outside = writer.startTopic(poster("outsider"), open.id(), "Outside", "For everyone: " + word);

        ForumSearch.Results anonymous = search.search(word, 1);
        assertEquals(1, anonymous.total());
        assertEquals(outside.path() + "#post-1", anonymous.hits().get(0).path());
        assertEquals(2, total(word, true), "a signed-in member finds both");
        assertEquals(1, total(word, false));
    }

    /**
     * P-RELEASE-2, decision 0046: a workgroup's private discussion area is left out of search for
     * everyone. Its posts and its topic's title are found neither by an anonymous reader nor by a
     * signed-in member, and a participant, who reads the area, is one of those: search asks only
     * whether the reader is signed in, never who it is, so the group's talk stays out of it rather than
     * being filtered hit by hit. The same word in a public and in a members-only forum is found as
     * usual, so a search that found nothing at all would fail here.
     */
    @Test
    void aWorkgroupsDiscussionAreaIsFoundByNobodyNotEvenItsParticipants_P_RELEASE_2() {
        String word = word();
        Actor administrator = Actor.administrator(0);
        Workgroup group = workgroups.create(administrator, "Searched group " + id(), "Talks in its own area.");
        long participant = poster("participant");
        workgroups.approve(administrator, workgroups.apply(participant, group.id(), true).id());
        ForumCategory area = forums.categoryBySlug(group.forumSlug()).orElseThrow();
        long plainMember = poster("plain");
        assertTrue(audiences.mayRead(area, participant), "the participant reads the area");
        assertFalse(audiences.mayRead(area, plainMember));

        Topic inArea = writer.startTopic(participant, area.id(), "Group " + word + " plans", "Only for us: " + word);
        Post reply = writer.reply(participant, inArea.id(), "And more on " + word);
        Topic open = writer.startTopic(poster("open"), category(Visibility.PUBLIC).id(), "Public", "For everyone: " + word);
        Topic members = writer.startTopic(plainMember, category(Visibility.MEMBERS).id(), "Members", "For members: " + word);
        Set<Long> areaPosts = Set.of(firstPostId(inArea), reply.id());

        ForumSearch.Results anonymous = search.search(word, 1);
        assertEquals(List.of(open.path() + "#post-1"), anonymous.hits().stream().map(ForumSearch.Hit::path).toList(),
                "an anonymous reader finds the public post only");
        List<Long> signedIn = hitIds(word, true);
        assertEquals(Set.of(firstPostId(open), firstPostId(members)), new HashSet<>(signedIn),
                "a signed-in member, participant or not, finds the public and the members-only post");
        assertTrue(signedIn.stream().noneMatch(areaPosts::contains), "nothing of the area: " + signedIn);
        assertTrue(hitIds(word, false).stream().noneMatch(areaPosts::contains));
    }

    /** A deleted post is never found, neither its text nor its placeholder, not even through its topic's title. */
    @Test
    void deletedPostsAreNeverFound() {
        String word = word();
        ForumCategory category = category(Visibility.PUBLIC);
        long author = poster("regretful");
        Topic topic = writer.startTopic(author, category.id(), "Keep " + word, "The first post " + word);
        Post second = writer.reply(author, topic.id(), "Regret this " + word + " remark");
        assertEquals(2, search.search(word, 1).total());

        writer.delete(author, second.id());
        assertEquals(List.of(topic.path() + "#post-1"), search.search(word, 1).hits().stream().map(ForumSearch.Hit::path).toList());
        writer.delete(author, firstPostId(topic));
        ForumSearch.Results none = search.search(word, 1);
        assertEquals(0, none.total());
        assertTrue(none.hits().isEmpty());
    }

    /** Twenty results a page, in an order that does not change between requests; every result on exactly one page. */
    @Test
    void resultsArePagedTwentyAPageInAStableOrder() {
        String word = word();
        ForumCategory category = category(Visibility.PUBLIC);
        Topic topic = writer.startTopic(poster("pager"), category.id(), "Paging", "Post 1 about " + word);
        for (int i = 2; i <= 25; i++) {
            writer.reply(poster("pager"), topic.id(), "Post " + i + " about " + word);
        }
        ForumSearch.Results first = search.search(word, 1);
        ForumSearch.Results second = search.search(word, 2);
        assertEquals(25, first.total());
        assertEquals(2, first.pages());
        assertEquals(20, first.hits().size());
        assertEquals(5, second.hits().size());
        Set<String> all = new HashSet<>();
        first.hits().forEach(h -> all.add(h.path()));
        second.hits().forEach(h -> all.add(h.path()));
        assertEquals(25, all.size(), "no result on two pages");
        assertTrue(all.contains(topic.path(2) + "#post-21"), "a post on the topic's page 2 links there: " + all);
        assertEquals(first.hits(), search.search(word, 1).hits(), "the same page again is the same");
        ForumSearch.Results past = search.search(word, 3);
        assertEquals(1, past.page(), "a page past the last shows the first");
        assertEquals(first.hits(), past.hits());
    }

    /**
     * More matches than search ranks: it says "more than" that many instead of a count, and still
     * offers the best of the newest, a page at a time; fewer: the exact count, no "more".
     */
    @Test
    void moreMatchesThanTheCapAreNotCountedButSaidToBeMore() throws Exception {
        String word = word();
        ForumCategory category = category(Visibility.PUBLIC);
        long author = poster("many");
        Topic topic = writer.startTopic(author, category.id(), "Plenty", "The first post about " + word);
        ForumTestSupport.insertPosts(dataSource, topic.id(), author, 1, ForumSearch.COUNTED, "Another post about " + word);
        ForumSearch.Results many = search.search(word, 1);
        assertTrue(many.more(), "501 matches: more than 500");
        assertEquals(ForumSearch.COUNTED, many.counted());
        assertEquals(ForumSearch.RESULTS_PER_PAGE, many.hits().size());
        assertTrue(many.total() > ForumSearch.COUNTED, "every ranked candidate can be paged to: " + many.total());
        assertEquals(many.hits().size(), many.hits().stream().map(ForumSearch.Hit::path).distinct().count());

        String few = word();
        Topic small = writer.startTopic(author, category.id(), "Few", "Only about " + few);
        ForumTestSupport.insertPosts(dataSource, small.id(), author, 1, ForumSearch.COUNTED - 2, "More about " + few);
        ForumSearch.Results counted = search.search(few, 1);
        assertFalse(counted.more(), "500 matches are counted");
        assertEquals(ForumSearch.COUNTED - 1, counted.total());
    }

    /**
     * Search reads the newest posts first and older ones only when the newer hold too few matches
     * (decision 0051): an old post is still found when only a few recent posts match. The post ids
     * skip 100,000 numbers between the old post and the new ones, as if that many posts had been
     * written in between, so that on PostgreSQL the old post lies several windows back.
     */
    @Test
    void anOldPostIsStillFoundWhenFewRecentPostsMatch() {
        String word = word();
        ForumCategory category = category(Visibility.PUBLIC);
        Topic old = writer.startTopic(poster("early"), category.id(), "Long ago", "An old remark about " + word);
        skipPostIds(100_000);
        Topic recent = writer.startTopic(poster("late"), category.id(), "Lately", "Nothing to see");
        writer.reply(poster("late"), recent.id(), "A new remark about " + word);
        writer.reply(poster("late"), recent.id(), "Another new remark about " + word);

        ForumSearch.Results results = search.search(word, 1);
        assertEquals(3, results.total(), "the two new posts and the old one");
        sameCandidatesInOneScanAndInWindows(word);
        assertFalse(results.more());
        assertEquals(Set.of(old.path() + "#post-1", recent.path() + "#post-2", recent.path() + "#post-3"),
                results.hits().stream().map(ForumSearch.Hit::path).collect(Collectors.toSet()));
    }

    /**
     * More matches than the cap, some recent and some long before them: the page still says "more than
     * 500" (decision 0018), and the candidates are the newest matches whichever window holds them, every
     * recent post and the newest of the old ones, each on one page of the results.
     */
    @Test
    void withMoreMatchesThanTheCapTheNewestAreRankedWhereverTheyLie() throws Exception {
        String word = word();
        ForumCategory category = category(Visibility.PUBLIC);
        long author = poster("spread");
        Topic old = writer.startTopic(author, category.id(), "Older thread", "Nothing here");
        ForumTestSupport.insertPosts(dataSource, old.id(), author, 1, 300, "An older word on " + word);
        skipPostIds(100_000);
        Topic recent = writer.startTopic(author, category.id(), "Newer thread", "Nothing here either");
        ForumTestSupport.insertPosts(dataSource, recent.id(), author, 1, 250, "A newer word on " + word);

        ForumSearch.Results first = search.search(word, 1);
        assertTrue(first.more(), "550 matches: more than 500");
        sameCandidatesInOneScanAndInWindows(word);
        Set<String> offered = new HashSet<>();
        for (int page = 1; page <= first.pages(); page++) {
            search.search(word, page).hits().forEach(hit -> assertTrue(offered.add(hit.path()), "on two pages: " + hit.path()));
        }
        assertEquals(first.total(), offered.size(), "every ranked candidate on one page");
        Set<String> newest = new HashSet<>();
        for (int number = 2; number <= 251; number++) {
            newest.add(recent.path(pageOf(number)) + "#post-" + number);
        }
        for (int number = 301; number > 301 - (ForumSearch.COUNTED - 250); number--) {
            newest.add(old.path(pageOf(number)) + "#post-" + number);
        }
        assertEquals(ForumSearch.COUNTED, newest.size());
        Set<String> missing = new HashSet<>(newest);
        missing.removeAll(offered);
        assertTrue(missing.isEmpty(), "the newest 500 are all offered; missing: " + missing);
    }

    /** An empty, too long or wordless query is refused with a message for the field, not an error. */
    @Test
    void badQueriesGetAMessageForTheField() {
        assertEquals("Type one or more words to search for.", refusal(null));
        assertEquals("Type one or more words to search for.", refusal("   "));
        assertEquals("A search has at most 200 characters; this one has 201. Use fewer words.", refusal("a".repeat(201)));
        assertTrue(refusal("*** ... ???").startsWith("There is nothing to search for"));
        assertEquals(0, search.search("unmatched" + word(), 1).total(), "a fine query without results is no error");
    }

    /**
     * P-FORUM-1: a forum's feed is Atom the JDK parses, newest post first, deleted posts left out, each
     * author by username only: neither real name nor email anywhere in its bytes, no email element.
     */
    @Test
    void aForumsFeedCarriesUsernamesOnly_P_FORUM_1() throws Exception {
        ForumCategory category = category(Visibility.PUBLIC);
        String secret = "Zebedee Quartermain " + id();
        long author = member("feeder", secret);
        acceptRules(author);
        Topic topic = writer.startTopic(author, category.id(), "Feeds & <things>", "First **post**");
        Post second = writer.reply(author, topic.id(), "Second <script>x</script> post");
        Post third = writer.reply(author, topic.id(), "Third, soon deleted");
        writer.delete(author, third.id());

        byte[] bytes = atom(feeds.category(category.slug()));
        String text = new String(bytes, StandardCharsets.UTF_8);
        for (String leak : List.of(secret, "zebedee", "@example.org")) {
            assertFalse(text.toLowerCase(Locale.ROOT).contains(leak.toLowerCase(Locale.ROOT)), "the feed carries " + leak + ":\n" + text);
        }
        Document feed = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        Element root = feed.getDocumentElement();
        assertEquals("feed", root.getLocalName());
        assertEquals("http://www.w3.org/2005/Atom", root.getNamespaceURI());
        NodeList entries = root.getElementsByTagNameNS(AtomFeedNamespace.ATOM, "entry");
        assertEquals(2, entries.getLength(), "the deleted post is left out");
        Element newest = (Element) entries.item(0);
        assertEquals("Feeds & <things> · #2", child(newest, "title").getTextContent());
        assertEquals(second.bodyHtml(), child(newest, "content").getTextContent());
        assertEquals("html", child(newest, "content").getAttribute("type"));
        assertEquals(usernameOf(author), child(child(newest, "author"), "name").getTextContent());
        assertEquals(0, root.getElementsByTagNameNS(AtomFeedNamespace.ATOM, "email").getLength());
        assertTrue(child(newest, "link").getAttribute("href").endsWith(topic.path() + "#post-2"));
        assertFalse(text.contains("<script>"), "post HTML is escaped content");

        Document topicFeed = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(atom(feeds.topic(topic.id()))));
        assertEquals(2, topicFeed.getElementsByTagNameNS(AtomFeedNamespace.ATOM, "entry").getLength());
    }

    /** Feed readers are anonymous and feeds are cached: a members-only forum and its topics have no feed. */
    @Test
    void aMembersOnlyForumHasNoFeed() {
        ForumCategory hidden = category(Visibility.MEMBERS);
        Topic topic = writer.startTopic(poster("secretive"), hidden.id(), "Hidden", "Members only");
        assertThrows(NoSuchForumItemException.class, () -> feeds.category(hidden.slug()));
        assertThrows(NoSuchForumItemException.class, () -> feeds.topic(topic.id()));
        assertThrows(NoSuchForumItemException.class, () -> feeds.category("no-such-forum-" + id()));
    }

    // ------------------------------------------------------------------ helpers

    /** The Atom namespace, as feed readers know it (not taken from the class under test). */
    private static final class AtomFeedNamespace {
        static final String ATOM = "http://www.w3.org/2005/Atom";
    }

    /** What the search finds for a member ({@code members}) or an anonymous reader, as ForumSearch asks it of the database. */
    private int total(String word, boolean members) {
        return hits(word, members).total();
    }

    /** The posts the search finds for a member ({@code members}) or an anonymous reader, on the first page. */
    private List<Long> hitIds(String word, boolean members) {
        return hits(word, members).hits().stream().map(ForumSearchRepository.Hit::postId).toList();
    }

    /**
     * The first page of results for a member or an anonymous reader. On PostgreSQL the search leaves out
     * the topics the reader may not search in one of two ways, by their number (decision 0051): both
     * are asked here, and must find the same.
     */
    private ForumSearchRepository.Hits hits(String word, boolean members) {
        if (database.databaseKind() != DatabaseKind.POSTGRESQL) {
            return searchRepository.searchH2(List.of(word), members, 0, ForumSearch.RESULTS_PER_PAGE);
        }
        ForumSearchRepository.Hits listed = searchRepository.searchPostgresql(word, members, 0, ForumSearch.RESULTS_PER_PAGE, true);
        ForumSearchRepository.Hits lookedUp = searchRepository.searchPostgresql(word, members, 0, ForumSearch.RESULTS_PER_PAGE, false);
        assertEquals(listed, lookedUp, "hidden topics listed or each candidate's forum looked up");
        return listed;
    }

    /**
     * On PostgreSQL, the search reads a query expected to match few posts in one scan and others in
     * windows sized by the estimate (decision 0053): whichever it does, it ranks the same candidates.
     * Here one scan, the windows of a query expected to match nearly every post (the smallest first
     * window, then many), and PostgreSQL's own estimate, each with every candidate on one page.
     */
    private void sameCandidatesInOneScanAndInWindows(String word) {
        if (database.databaseKind() != DatabaseKind.POSTGRESQL) {
            return;
        }
        int all = 2 * ForumSearch.COUNTED + 2;
        ForumSearchRepository.Hits oneScan = searchRepository.searchPostgresql(word, false, 0, all, null, 1.0);
        ForumSearchRepository.Hits windows = searchRepository.searchPostgresql(word, false, 0, all, null, 1e9);
        ForumSearchRepository.Hits estimated = searchRepository.searchPostgresql(word, false, 0, all, null, null);
        assertTrue(oneScan.total() > 0);
        assertEquals(oneScan, windows, "one scan and many windows");
        assertEquals(oneScan, estimated, "one scan and PostgreSQL's estimate");
    }

    /** The page of its topic a post of this number is on. */
    private static int pageOf(int number) {
        return (number - 1) / ForumService.POSTS_PER_PAGE + 1;
    }

    /**
     * Makes the next post ids skip this many numbers, as if that many posts had been written in the
     * meantime (ids are never asserted on; the search's windows are ranges of ids).
     */
    private void skipPostIds(long count) {
        long next = db.number("select max(id) from forum_post where id > ?", 0L) + count + 1;
        String sql = database.databaseKind() == DatabaseKind.POSTGRESQL
                ? "select setval(pg_get_serial_sequence('forum_post', 'id'), " + (next - 1) + ")"
                : "alter table forum_post alter column id restart with " + next;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] atom(ForumFeeds.Feed feed) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AtomFeed.write(feed, "https://forum.example.test", "Colloquy", out);
        return out.toByteArray();
    }

    private static Element child(Element parent, String name) {
        NodeList children = parent.getElementsByTagNameNS(AtomFeedNamespace.ATOM, name);
        assertTrue(children.getLength() > 0, "no " + name + " in " + parent.getLocalName());
        return (Element) children.item(0);
    }

    private String refusal(String query) {
        return assertThrows(InvalidInputException.class, () -> search.search(query, 1)).problems().get("q");
    }

    /** A made-up word no other post holds: letters then hex digits, one token for PostgreSQL's parser too. */
    /**
     * A made-up word no other test uses: letters only (search takes words of letters), each hex
     * digit of a random id turned into its own letter, so that two tests never share a word.
     */
    private static String word() {
        StringBuilder word = new StringBuilder("zork");
        for (char c : id().substring(0, 10).toCharArray()) {
            word.append(Character.isDigit(c) ? (char) ('g' + (c - '0')) : c);
        }
        return word.toString();
    }

    private ForumCategory category(Visibility visibility) {
        String id = id();
        return writer.createCategory(new CategoryDraft("Forum " + id, "forum-" + id, "About " + id, null, visibility, 10));
    }

    private long poster(String prefix) {
        long member = member(prefix, "Real Name " + id());
        acceptRules(member);
        return member;
    }

    private void acceptRules(long member) {
        policies.accept(member, PolicyKind.FORUM_RULES, policies.current(PolicyKind.FORUM_RULES).orElseThrow().number(), "test");
    }

    /** A verified member, joined two days ago, with this real name and an email made of it, who accepted the policy in effect. */
    private long member(String prefix, String realName) {
        String username = prefix + id().substring(0, 8);
        String email = realName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", ".") + "@example.org";
        OffsetDateTime joined = OffsetDateTime.now(ZoneOffset.UTC).minusDays(2);
        return new TestMembers(dataSource, policies).create(username, realName, email, joined, true);
    }

    private String usernameOf(long member) {
        return db.string("select username from member where id = ?", member);
    }

    private long firstPostId(Topic topic) {
        return db.number("select id from forum_post where topic_id = ? and post_number = 1", topic.id());
    }

    private static String id() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
