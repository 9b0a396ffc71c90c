package org.colloquy.removal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonGenerator;

import org.colloquy.account.StaffAction;
import org.colloquy.account.StaffLog;
import org.colloquy.forum.CategoryDraft;
import org.colloquy.forum.ForumCategory;
import org.colloquy.forum.ForumSearch;
import org.colloquy.forum.ForumService;
import org.colloquy.forum.ForumWriter;
import org.colloquy.forum.Post;
import org.colloquy.forum.PostingRefusedException;
import org.colloquy.forum.Topic;
import org.colloquy.forum.Visibility;
import org.colloquy.forum.web.AnonymousPageCache;
import org.colloquy.platform.demo.DemoSeeder;
import org.colloquy.platform.persistence.DatabaseMigrator;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.policy.PolicyKind;
import org.colloquy.policy.PolicyPublisher;
import org.colloquy.policy.PolicyService;
import org.colloquy.removal.export.RemovalRequestsSection;
import org.colloquy.test.Deployments;
import org.colloquy.test.TestDatabase;
import org.colloquy.test.TestMembers;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Removal requests inside the container, on the real database (P-REMOVE-1): only an author asks,
 * due in 30 days; removing and anonymising take the text off the public topic page, the page cache
 * and search; a refusal tells the member why and may be appealed once, to another officer; requests
 * near their due date are escalated to every privacy officer, once a day per stage; and members
 * who are not privacy officers cannot decide, whichever door they use. Each test writes its own
 * members straight into the database.
 */
@ExtendWith(ArquillianExtension.class)
class RemovalServicesIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.portal().addClasses(TestMembers.class, TestDatabase.class);
    }

    @Resource(lookup = DatabaseMigrator.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    TestDatabase db;

    @Inject
    RemovalDesk desk;

    @Inject
    RemovalRequestsSection exportSection;

    @Inject
    RemovalService service;

    @Inject
    ForumService forum;

    @Inject
    ForumWriter writer;

    @Inject
    ForumSearch search;

    @Inject
    StaffLog staffLog;

    @Inject
    PolicyService policies;

    @Inject
    PolicyPublisher publisher;

    @Inject
    AnonymousPageCache pageCache;

    @Inject
    DemoSeeder seeder;

    @BeforeEach
    void rulesInEffect() {
        TestMembers.forumRulesInEffect(policies, publisher);
    }

    /** P-REMOVE-1: the author asks for their own post, due 30 days after receipt; one open request per post; nobody else may ask. */
    @Test
    void anAuthorAsksForRemovalOfTheirOwnPostDueIn30Days_P_REMOVE_1() {
        long author = member("author");
        long other = member("other");
        Topic topic = writer.startTopic(author, category().id(), "Mine " + id(), "I live at 12 Example Street");
        long postId = firstPost(topic);

        assertThrows(RemovalRefusedException.class, () -> desk.request(other, postId, RemovalRequest.Wanted.REMOVE_ITEM, null));
        InvalidInputException noChoice = assertThrows(InvalidInputException.class, () -> desk.request(author, postId, null, null));
        assertTrue(noChoice.problems().containsKey("wanted"), noChoice.problems().toString());

        RemovalRequest request = desk.request(author, postId, RemovalRequest.Wanted.REDACT, "  My street is in it  ");
        assertEquals(RemovalRequest.Status.RECEIVED, request.status());
        assertEquals("My street is in it", request.explanation());
        assertEquals(Duration.ofDays(30), Duration.between(request.receivedAt(), request.dueAt()));
        RemovalRefusedException again = assertThrows(RemovalRefusedException.class,
                () -> desk.request(author, postId, RemovalRequest.Wanted.REMOVE_ITEM, null));
        assertEquals("A removal request for this post is already open. Its status is on your removal requests page.", again.getMessage());

        RemovalDesk.Row mine = desk.ofMember(author).get(0);
        assertEquals(request.id(), mine.request().id());
        assertEquals(topic.title(), mine.post().topic().title());
        assertTrue(desk.ofMember(other).isEmpty());
        assertEquals(1, db.number("select count(*) from removal_request where item_id = ?", postId));

        // P-ACCOUNT-3: the request is in the author's data export, and in nobody else's.
        StringWriter exported = new StringWriter();
        try (JsonGenerator json = Json.createGenerator(exported)) {
            json.writeStartArray();
            assertEquals(1, exportSection.write(author, json));
            assertEquals(0, exportSection.write(other, json));
            json.writeEnd();
        }
        JsonObject item = Json.createReader(new StringReader(exported.toString())).readArray().getJsonObject(0);
        assertEquals(request.id().longValue(), item.getJsonNumber("id").longValue());
        assertEquals("REDACT", item.getString("wanted"));
        assertEquals("My street is in it", item.getString("explanation"));
    }

    /**
     * P-REMOVE-1: "remove" leaves a placeholder and "anonymise" puts the officer's redacted text in
     * place; either way the earlier text is gone from the public topic page, the cached anonymous page
     * and search, and from the post's earlier versions, which staff no longer read either (decision 0030):
     * the staff log says they were purged and why, without the text. The staff log and the member's mail say what was done.
     */
    @Test
    void removedAndAnonymisedTextIsGoneFromPageCacheAndSearch_P_REMOVE_1() {
        long author = member("private");
        long officer = officer("officer");
        String word = "quokka" + id().substring(0, 10);
        Topic topic = writer.startTopic(author, category().id(), "Public thread " + id(), "Opening post without secrets");
        Post toRemove = writer.reply(author, topic.id(), "My phone number is 0123 and my word is " + word + "one");
        Post toRedact = writer.reply(author, topic.id(), "I am Jane Doe from Exampleville, " + word + "two");
        writer.edit(author, toRedact.id(), "I am Jane Doe from Exampleville, " + word + "two, edited");
        assertEquals(1, search.search(word + "one", 1).total());

        RemovalRequest remove = desk.request(author, toRemove.id(), RemovalRequest.Wanted.REMOVE_ITEM, null);
        RemovalRequest redact = desk.request(author, toRedact.id(), RemovalRequest.Wanted.REDACT, "My name and town");
        desk.review(officer, redact.id());
        assertEquals(RemovalRequest.Status.IN_REVIEW, desk.ofMember(author).stream()
                .filter(r -> r.request().id().equals(redact.id())).findFirst().orElseThrow().request().status());

        fill(topic.path(1));
        desk.decide(officer, remove.id(), RemovalRequest.Outcome.REMOVED, null, null, null);
        assertTrue(pageCache.get(topic.path(1), System.nanoTime()).isEmpty(), "the cached anonymous page is gone");
        InvalidInputException noText = assertThrows(InvalidInputException.class,
                () -> desk.decide(officer, redact.id(), RemovalRequest.Outcome.ANONYMISED, "  ", null, null));
        assertTrue(noText.problems().containsKey("redacted"), noText.problems().toString());
        desk.decide(officer, redact.id(), RemovalRequest.Outcome.ANONYMISED, "A member from a small town.", null, "Name and town taken out");

        String page = publicText(topic);
        assertFalse(page.contains("0123"), page);
        assertFalse(page.contains("Jane Doe"), page);
        assertFalse(page.contains("Exampleville"), page);
        assertTrue(page.contains("A member from a small town."), page);
        assertTrue(post(topic, toRemove.number()).isDeleted());
        assertEquals(0, search.search(word + "one", 1).total(), "removed text is not found");
        assertEquals(0, search.search(word + "two", 1).total(), "redacted text is not found");
        assertEquals(0, search.search("Exampleville", 1).hits().stream().filter(h -> h.path().startsWith(topic.path())).count());

        List<RemovalDesk.Row> rows = desk.ofMember(author);
        assertTrue(rows.stream().allMatch(r -> r.request().status() == RemovalRequest.Status.DONE && !r.request().isOpen()));
        assertEquals(List.of(RemovalRequest.Outcome.ANONYMISED, RemovalRequest.Outcome.REMOVED),
                rows.stream().map(r -> r.request().outcome()).toList());
        assertEquals(List.of(StaffAction.Kind.REMOVAL_REMOVE), staffLog.on(RemovalDesk.detail(remove)).stream().map(StaffAction::kind).toList());
        assertEquals(List.of(StaffAction.Kind.REMOVAL_ANONYMISE), staffLog.on(RemovalDesk.detail(redact)).stream().map(StaffAction::kind).toList());
        assertEquals(officer, staffLog.on(RemovalDesk.detail(redact)).get(0).actorId());
        List<String> mails = mailTo(author);
        assertTrue(mails.stream().anyMatch(m -> m.startsWith("Your post in \"" + topic.title() + "\" was removed at your request")), mails.toString());
        assertTrue(mails.stream().anyMatch(m -> m.startsWith("Your personal information was taken out of your post")), mails.toString());
        assertEquals(0, db.number("select count(*) from forum_post_revision where post_id = ?", toRedact.id()),
                "the earlier texts are purged, also for staff");
        assertEquals(0, db.number("select count(*) from forum_post_revision where post_id = ?", toRemove.id()));
        List<StaffAction> purged = staffLog.on("post " + toRedact.id());
        assertEquals(List.of(StaffAction.Kind.PURGE_REVISIONS), purged.stream().map(StaffAction::kind).toList());
        assertEquals("2 earlier text(s) of the post erased, also for staff, with the decision on removal request " + redact.id()
                + "; the text is not kept here.", purged.get(0).reason());
        assertEquals(officer, purged.get(0).actorId());
        assertEquals(author, purged.get(0).subjectId());
        assertEquals(List.of(StaffAction.Kind.PURGE_REVISIONS), staffLog.on("post " + toRemove.id()).stream().map(StaffAction::kind).toList());
    }

    /**
     * P-REMOVE-1: a refusal names a reason and the officer's words, which the member reads on their
     * requests and in the mail; the member appeals once; the officer who refused may not decide the
     * appeal, another does, and the member is told the outcome.
     */
    @Test
    void aRefusalSaysWhyAndMayBeAppealedOnceToAnotherOfficer_P_REMOVE_1() {
        long author = member("quoted");
        long first = officer("first");
        long second = officer("second");
        Topic topic = writer.startTopic(author, category().id(), "Quoted thread " + id(), "My employer is Example Corp");
        long postId = firstPost(topic);
        RemovalRequest request = desk.request(author, postId, RemovalRequest.Wanted.REMOVE_ITEM, null);

        InvalidInputException bare = assertThrows(InvalidInputException.class,
                () -> desk.decide(first, request.id(), RemovalRequest.Outcome.REFUSED, null, null, " "));
        assertTrue(bare.problems().containsKey("category") && bare.problems().containsKey("words"), bare.problems().toString());
        assertThrows(RemovalRefusedException.class, () -> desk.appeal(author, request.id(), "Too early"), "nothing to appeal yet");
        desk.decide(first, request.id(), RemovalRequest.Outcome.REFUSED, null, RemovalRequest.RefusalReason.QUOTED_BY_OTHERS,
                "Three replies quote it and answer it");

        RemovalRequest seen = desk.ofMember(author).get(0).request();
        assertEquals(RemovalRequest.Status.REFUSED, seen.status());
        assertEquals(RemovalRequest.RefusalReason.QUOTED_BY_OTHERS, seen.refusalCategory());
        assertEquals("Three replies quote it and answer it", seen.officerWords());
        assertTrue(seen.isAppealable());
        String refusal = mailTo(author).get(0);
        assertTrue(refusal.contains("Why: Quoted by others and required for the discussion's record"), refusal);
        assertTrue(refusal.contains("In the officer's words: Three replies quote it and answer it"), refusal);
        assertTrue(refusal.contains("How to appeal"), refusal);
        assertTrue(publicText(topic).contains("Example Corp"), "a refused request changes nothing");

        assertThrows(RemovalRefusedException.class, () -> desk.appeal(member("stranger"), request.id(), "Not mine to appeal"));
        desk.appeal(author, request.id(), "The replies would make sense without my employer's name");
        RemovalRefusedException twice = assertThrows(RemovalRefusedException.class, () -> desk.appeal(author, request.id(), "Again"));
        assertEquals("You have already appealed this refusal. It can be appealed only once.", twice.getMessage());
        RemovalRequest appealed = desk.ofMember(author).get(0).request();
        assertEquals(RemovalRequest.Status.APPEALED, appealed.status());
        assertTrue(appealed.isOpen());
        assertTrue(desk.queue(second).stream().anyMatch(r -> r.id().equals(request.id())), "the appeal is in the queue");

        RemovalRefusedException same = assertThrows(RemovalRefusedException.class,
                () -> desk.decide(first, request.id(), RemovalRequest.Outcome.REMOVED, null, null, "Changed my mind"));
        assertEquals("You refused this request, so another privacy officer decides its appeal.", same.getMessage());
        desk.decide(second, request.id(), RemovalRequest.Outcome.ANONYMISED, "My employer (name removed) agrees.", null,
                "The name is not needed for the replies");

        RemovalRequest done = desk.ofMember(author).get(0).request();
        assertEquals(RemovalRequest.Status.DONE, done.status());
        assertEquals(RemovalRequest.Outcome.REFUSED, done.outcome(), "the first decision stays in the history");
        assertEquals(RemovalRequest.Outcome.ANONYMISED, done.appealOutcome());
        assertFalse(done.isAppealable());
        assertFalse(publicText(topic).contains("Example Corp"));
        assertTrue(mailTo(author).get(1).startsWith("Your appeal was granted"), mailTo(author).toString());
        assertEquals(List.of(StaffAction.Kind.REMOVAL_APPEAL_GRANT, StaffAction.Kind.REMOVAL_REFUSE),
                staffLog.on(RemovalDesk.detail(request)).stream().map(StaffAction::kind).toList());
        assertThrows(RemovalRefusedException.class, () -> desk.appeal(author, request.id(), "And again"));
    }

    /**
     * P-REMOVE-1: requests due within 7 days, and overdue ones, are mailed to every privacy officer,
     * at most once a day per stage, so none passes silently.
     */
    @Test
    void requestsNearTheirDueDateAreEscalatedToEveryOfficerOncePerDayAndStage_P_REMOVE_1() {
        long author = member("waiting");
        long officerA = officer("officerA");
        long officerB = officer("officerB");
        Topic topic = writer.startTopic(author, category().id(), "Waiting thread " + id(), "Please remove me");
        RemovalRequest request = desk.request(author, firstPost(topic), RemovalRequest.Wanted.REMOVE_ITEM, null);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

        assertFalse(desk.escalate(now).stream().anyMatch(r -> r.id().equals(request.id())), "due in 30 days: not yet");
        db.update("update removal_request set due_at = received_at + interval '3' day where id = ?", request.id());
        assertTrue(desk.escalate(now).stream().anyMatch(r -> r.id().equals(request.id())));
        for (long officer : List.of(officerA, officerB)) {
            List<String> mails = mailTo(officer);
            assertEquals(1, mails.stream().filter(m -> m.contains("Request " + request.id() + ": due by")).count(), mails.toString());
            assertTrue(mails.get(mails.size() - 1).contains("Due within 7 days"), mails.toString());
        }
        assertFalse(desk.escalate(now).stream().anyMatch(r -> r.id().equals(request.id())), "once a day per stage");

        db.update("update removal_request set due_at = received_at - interval '1' day where id = ?", request.id());
        assertTrue(desk.escalate(now).stream().anyMatch(r -> r.id().equals(request.id())), "overdue is a new stage");
        assertTrue(mailTo(officerB).get(mailTo(officerB).size() - 1).contains("Overdue"), mailTo(officerB).toString());
        assertFalse(desk.escalate(now).stream().anyMatch(r -> r.id().equals(request.id())));
        assertTrue(desk.escalate(now.plusDays(1)).stream().anyMatch(r -> r.id().equals(request.id())), "and again the next day");
        assertEquals(3, db.number("select escalations from removal_request where id = ?", request.id()));

        desk.decide(officerA, request.id(), RemovalRequest.Outcome.REMOVED, null, null, null);
        assertFalse(desk.escalate(now.plusDays(2)).stream().anyMatch(r -> r.id().equals(request.id())), "decided: no more escalations");
    }

    /**
     * P-REMOVE-1: a member who is not a privacy officer cannot see the queue or decide, through the
     * service, the desk or the forum; and an officer does not decide their own request.
     */
    @Test
    void membersCannotDecideRemovalRequests_P_REMOVE_1() {
        long author = member("asker");
        long crafty = member("crafty");
        Topic topic = writer.startTopic(author, category().id(), "Not yours " + id(), "Text that stays " + id());
        long postId = firstPost(topic);
        RemovalRequest request = desk.request(author, postId, RemovalRequest.Wanted.REMOVE_ITEM, null);

        // Not signed in as a privacy officer: the container refuses the service before it runs.
        assertThrows(EJBException.class, () -> service.queue());
        assertThrows(EJBException.class, () -> service.review(request.id()));
        assertThrows(EJBException.class, () -> service.decide(request.id(), RemovalRequest.Outcome.REMOVED, null, null, null));
        // A plain member's id: the desk and the forum check the role in the database.
        assertThrows(RemovalRefusedException.class, () -> desk.queue(crafty));
        assertThrows(RemovalRefusedException.class, () -> desk.review(crafty, request.id()));
        assertThrows(RemovalRefusedException.class,
                () -> desk.decide(crafty, request.id(), RemovalRequest.Outcome.REMOVED, null, null, null));
        assertThrows(RemovalRefusedException.class,
                () -> desk.decide(author, request.id(), RemovalRequest.Outcome.REMOVED, null, null, null), "not even the author");
        assertThrows(PostingRefusedException.class, () -> writer.removeForPrivacy(crafty, postId, "test"));
        // Nor does an officer decide their own request.
        long officerAuthor = officer("selfish");
        RemovalRequest own = desk.request(officerAuthor, firstPost(writer.startTopic(officerAuthor, category().id(), "Own " + id(), "Mine")),
                RemovalRequest.Wanted.REMOVE_ITEM, null);
        assertEquals("This is your own request: another privacy officer decides it.", assertThrows(RemovalRefusedException.class,
                () -> desk.decide(officerAuthor, own.id(), RemovalRequest.Outcome.REMOVED, null, null, null)).getMessage());
        assertThrows(PostingRefusedException.class, () -> writer.redactForPrivacy(crafty, postId, "Redacted", "test"));

        assertFalse(post(topic, 1).isDeleted());
        assertTrue(publicText(topic).contains("Text that stays"));
        RemovalRequest still = desk.ofMember(author).get(0).request();
        assertEquals(RemovalRequest.Status.RECEIVED, still.status());
        assertNull(still.outcome());
        assertTrue(staffLog.on(RemovalDesk.detail(request)).isEmpty(), "nothing was logged");
    }

    /** P-REMOVE-1: the demo has removal requests in every state, on demo members' posts. */
    @Test
    void theDemoHasRemovalRequestsInEveryState_P_REMOVE_1() {
        seeder.seedAll();
        assertTrue(seeder.seededNames().contains("removal"), seeder.seededNames().toString());
        List<String> states = db.rows("select r.status, coalesce(r.outcome, '-'), coalesce(r.appeal_statement, '-')"
                + " from removal_request r, member m where m.id = r.member_id and m.username in ('sam', 'evelyn') order by r.id").stream()
                .map(r -> r[0] + " " + r[1] + (r[2].equals("-") ? "" : " appealed")).toList();
        assertEquals(List.of("RECEIVED -", "IN_REVIEW -", "DONE REMOVED", "DONE ANONYMISED", "REFUSED REFUSED", "APPEALED REFUSED appealed"),
                states);
    }

    /** The topic's first page as an anonymous reader gets it: every post's HTML. */
    private String publicText(Topic topic) {
        StringBuilder text = new StringBuilder();
        forum.topic(topic.id(), 1).posts().forEach(r -> text.append(r.post().bodyHtml()).append('\n'));
        return text.toString();
    }

    private Post post(Topic topic, int number) {
        return forum.topic(topic.id(), 1).posts().stream().map(r -> r.post()).filter(p -> p.number() == number).findFirst().orElseThrow();
    }

    private long firstPost(Topic topic) {
        return forum.topic(topic.id(), 1).posts().get(0).post().id();
    }

    private void fill(String key) {
        pageCache.put(key, new AnonymousPageCache.Page(System.nanoTime(), 200, List.of(), key.getBytes()), pageCache.generation());
    }

    private ForumCategory category() {
        String id = id();
        return writer.createCategory(new CategoryDraft("Removals " + id, "rem-" + id, "About " + id, null, Visibility.PUBLIC, 30));
    }

    /** A verified member who joined ten days ago and accepted the forum rules. */
    private long member(String prefix) {
        String username = prefix + id().substring(0, 8);
        OffsetDateTime joined = OffsetDateTime.now(ZoneOffset.UTC).minusDays(10);
        long member = new TestMembers(dataSource, policies).create(username, "Real Name " + username, username + "@example.org", joined, true);
        policies.accept(member, PolicyKind.FORUM_RULES, policies.current(PolicyKind.FORUM_RULES).orElseThrow().number(), "test");
        return member;
    }

    private long officer(String prefix) {
        long member = member(prefix);
        db.update("insert into member_role (member_id, role) values (?, 'PRIVACY_OFFICER')", member);
        return member;
    }

    /** The subject and body of each mail queued to the member, oldest first. */
    private List<String> mailTo(long memberId) {
        return db.mailsTo(db.string("select email from member where id = ?", memberId));
    }

    private static String id() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
