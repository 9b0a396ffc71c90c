package org.colloquy.rights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonGenerator;

import org.colloquy.account.StaffAction;
import org.colloquy.account.StaffLog;
import org.colloquy.platform.demo.DemoSeeder;
import org.colloquy.platform.persistence.DatabaseMigrator;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.policy.PolicyService;
import org.colloquy.rights.export.RightsRequestsSection;
import org.colloquy.test.Deployments;
import org.colloquy.test.TestDatabase;
import org.colloquy.test.TestMembers;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rights requests and under-age reports inside the container, on the real database (P-RIGHTS-1,
 * P-CHILD-1): a signed-in member's request is verified at once and due in 30 days; a public one
 * waits for its mailed link, and the public form answers the same for any address; answers are
 * recorded, mailed and logged; overdue requests come first; escalation mails every privacy officer
 * once per stage; a verified under-age report suspends the account until an officer confirms or
 * dismisses it; and members who are not officers are refused by the services themselves.
 */
@ExtendWith(ArquillianExtension.class)
class RightsServicesIT {

    private static final Pattern TOKEN = Pattern.compile("/rights-confirm\\?token=([A-Za-z0-9_-]+)");

    @Deployment
    static WebArchive deployment() {
        return Deployments.portal().addClasses(TestMembers.class, TestDatabase.class);
    }

    @Resource(lookup = DatabaseMigrator.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    TestDatabase db;

    @Inject
    RightsDesk desk;

    @Inject
    DemoSeeder seeder;

    @Inject
    RightsRequestsSection exportSection;

    @Inject
    RightsService service;

    @Inject
    RightsOffice office;

    @Inject
    RightsRepository repository;

    @Inject
    StaffLog staffLog;

    @Inject
    PolicyService policies;

    /** P-RIGHTS-1: a request from the signed-in account counts as verified at once, and is due 30 days later. */
    @Test
    void aMembersRequestIsVerifiedAtOnceAndDueIn30Days_P_RIGHTS_1() {
        long member = member("asker");
        OffsetDateTime before = now();
        RightsRequest request = desk.requestAsMember(member, RequestKind.ACCESS, "  A copy of everything, please.  ");

        assertTrue(request.isVerified());
        assertEquals(RequestStatus.RECEIVED, request.status());
        assertEquals("A copy of everything, please.", request.description());
        assertFalse(request.dueAt().isBefore(before.plusDays(30)), "due 30 days after verification");
        assertTrue(request.dueAt().isBefore(now().plusDays(30).plusSeconds(1)));
        assertEquals(List.of(HistoryEntry.What.RECEIVED, HistoryEntry.What.VERIFIED), whats(repository.historyOfRequest(request.id())));
        assertTrue(db.mailsTo(email(member)).stream().anyMatch(m -> m.contains("will answer it by " + RightsMails.day(request.dueAt()))),
                db.mailsTo(email(member)).toString());
        assertEquals(List.of(request.id()), desk.requestsOf(member).stream().map(RightsRequest::id).toList());

        // P-ACCOUNT-3: the request is in the member's data export.
        StringWriter exported = new StringWriter();
        try (JsonGenerator json = Json.createGenerator(exported)) {
            json.writeStartArray();
            assertEquals(1, exportSection.write(member, json));
            json.writeEnd();
        }
        JsonObject item = Json.createReader(new StringReader(exported.toString())).readArray().getJsonObject(0);
        assertEquals("ACCESS", item.getString("kind"));
        assertEquals("A copy of everything, please.", item.getString("description"));

        InvalidInputException empty = assertThrows(InvalidInputException.class, () -> desk.requestAsMember(member, null, " "));
        assertEquals("Choose what you are asking for.", empty.problems().get("kind"));
        assertEquals("Describe your request, so that we know what to look for.", empty.problems().get("description"));
    }

    /**
     * P-RIGHTS-1: a request by the public form enters the queue unverified, with no due date, until
     * the mailed link is followed once; the form answers the same whether or not the address has an
     * account, and only the officer learns which account it belongs to.
     */
    @Test
    void aPublicRequestIsUnverifiedUntilItsLinkAndTheFormSaysTheSameForAnyAddress_P_RIGHTS_1() {
        long member = member("known");
        String known = email(member);
        String unknown = "nobody." + id() + "@example.org";

        desk.requestFromPublic(RequestKind.DELETION, known, "Delete my posts");
        desk.requestFromPublic(RequestKind.DELETION, unknown, "Delete my posts");

        String toKnown = db.mailsTo(known).get(0);
        String toUnknown = db.mailsTo(unknown).get(0);
        assertEquals(TOKEN.matcher(toKnown).replaceAll("LINK"), TOKEN.matcher(toUnknown).replaceAll("LINK"),
                "the same mail whether or not the address has an account");
        RightsRequest waiting = requestTo(known);
        assertEquals(RequestStatus.UNVERIFIED, waiting.status());
        assertNull(waiting.dueAt());
        assertNull(waiting.accountMemberId(), "nothing about the account is recorded before the link");

        String token = token(toKnown);
        assertTrue(service.isLinkUsable(token));
        assertEquals(RightsDesk.Confirmed.REQUEST, service.confirm(token).orElseThrow());
        assertTrue(service.confirm(token).isEmpty(), "a link is used once");
        assertFalse(service.isLinkUsable(token));
        assertTrue(service.confirm("not-a-token").isEmpty());

        RightsRequest verified = requestTo(known);
        assertEquals(RequestStatus.RECEIVED, verified.status());
        assertEquals(member, verified.accountMemberId());
        assertTrue(Duration.between(verified.verifiedAt(), verified.dueAt()).equals(Duration.ofDays(30)));
        service.confirm(token(toUnknown)).orElseThrow();
        assertNull(requestTo(unknown).accountMemberId());

        InvalidInputException bad = assertThrows(InvalidInputException.class,
                () -> desk.requestFromPublic(RequestKind.ACCESS, "not an address", "x"));
        assertTrue(bad.problems().containsKey("email"), bad.problems().toString());
    }

    /** P-RIGHTS-1: the officer records the answer (outcome and text); it is mailed, kept in the history and in the staff log. */
    @Test
    void anAnswerIsRecordedMailedAndLogged_P_RIGHTS_1() {
        long member = member("answered");
        long officer = officer("officer");
        RightsRequest request = desk.requestAsMember(member, RequestKind.CORRECTION, "My name is misspelled");

        desk.start(officer, request.id());
        InvalidInputException noAnswer = assertThrows(InvalidInputException.class, () -> desk.answer(officer, request.id(), null, " "));
        assertEquals(List.of("outcome", "answer"), List.copyOf(noAnswer.problems().keySet()));
        desk.answer(officer, request.id(), Outcome.DONE, "Corrected to Ada Lovelace.");

        RightsRequest done = find(request.id());
        assertEquals(RequestStatus.ANSWERED, done.status());
        assertEquals("Corrected to Ada Lovelace.", done.answer());
        assertEquals(List.of(HistoryEntry.What.RECEIVED, HistoryEntry.What.VERIFIED, HistoryEntry.What.STARTED, HistoryEntry.What.ANSWERED),
                whats(repository.historyOfRequest(request.id())));
        String answer = db.mailsTo(email(member)).get(db.mailsTo(email(member)).size() - 1);
        assertTrue(answer.contains("Outcome: Done as asked") && answer.contains("Corrected to Ada Lovelace."), answer);
        List<StaffAction> log = staffLog.on("rights request " + request.id());
        assertEquals(1, log.size());
        assertEquals(StaffAction.Kind.ANSWER_RIGHTS_REQUEST, log.get(0).kind());
        assertEquals(officer, log.get(0).actorId());
        assertThrows(RightsRefusedException.class, () -> desk.answer(officer, request.id(), Outcome.DONE, "again"));
    }

    /** P-RIGHTS-1: overdue requests stand out and come first in the officer's queue. */
    @Test
    void overdueRequestsComeFirst_P_RIGHTS_1() {
        long member = member("late");
        long officer = officer("sorter");
        RightsRequest fresh = desk.requestAsMember(member, RequestKind.ACCESS, "Fresh");
        RightsRequest late = desk.requestAsMember(member, RequestKind.OBJECTION, "Late");
        db.update("update rights_request set verified_at = ?, due_at = ? where id = ?", now().minusDays(35), now().minusDays(5), late.id());

        List<RightsDesk.QueueRow> queue = desk.queue(officer, now());
        int lateAt = indexOf(queue, late.id());
        int freshAt = indexOf(queue, fresh.id());
        assertTrue(lateAt < freshAt, "the overdue request comes first");
        assertTrue(queue.get(lateAt).overdue());
        assertFalse(queue.get(freshAt).overdue());
        assertTrue(queue.subList(0, lateAt).stream().allMatch(RightsDesk.QueueRow::overdue), "only overdue ones before it");
    }

    /** P-RIGHTS-1: requests due within 7 days, then overdue ones, are mailed to every privacy officer, once per stage. */
    @Test
    void escalationMailsEveryOfficerOncePerStage_P_RIGHTS_1() {
        long member = member("waiting");
        long first = officer("first");
        long second = officer("second");
        RightsRequest request = desk.requestAsMember(member, RequestKind.RESTRICTION, "Stop using my address");
        String line = "Request " + request.id() + " (";

        assertTrue(ids(desk.escalate(now().plusDays(20))).stream().noneMatch(id -> id.equals(request.id())), "not yet due soon");
        assertTrue(ids(desk.escalate(now().plusDays(25))).contains(request.id()));
        assertTrue(ids(desk.escalate(now().plusDays(26))).stream().noneMatch(id -> id.equals(request.id())), "each stage once");
        for (long officer : List.of(first, second)) {
            assertEquals(1, db.mailsTo(email(officer)).stream().filter(m -> m.contains(line)).count(), db.mailsTo(email(officer)).toString());
        }
        assertTrue(ids(desk.escalate(now().plusDays(31))).contains(request.id()));
        assertTrue(ids(desk.escalate(now().plusDays(32))).stream().noneMatch(id -> id.equals(request.id())));
        for (long officer : List.of(first, second)) {
            assertEquals(1, db.mailsTo(email(officer)).stream().filter(m -> m.contains("OVERDUE: request " + request.id() + " (")).count());
        }
        assertEquals(List.of(HistoryEntry.What.RECEIVED, HistoryEntry.What.VERIFIED, HistoryEntry.What.ESCALATED_DUE_SOON,
                HistoryEntry.What.ESCALATED_OVERDUE), whats(repository.historyOfRequest(request.id())));
        assertTrue(db.mailsTo(email(member)).stream().noneMatch(m -> m.contains(line)), "the requester gets no escalation mail");
    }

    /**
     * P-CHILD-1: a verified under-age report suspends the named account while in review; the officer
     * confirms (the account stays suspended and is deactivated, its deletion pending) or dismisses
     * (the suspension is lifted), and the reporter is told. The public form says the same for any username.
     */
    @Test
    void anUnderAgeReportSuspendsTheAccountUntilConfirmedOrDismissed_P_CHILD_1() {
        long officer = officer("guardian");
        long child = member("child");
        long other = member("teen");
        String parent = "parent." + id() + "@example.org";
        String uncle = "uncle." + id() + "@example.org";
        String stranger = "stranger." + id() + "@example.org";

        String childName = username(child);
        desk.reportUnderAge(childName, "Mother", parent, "She is 11.");
        desk.reportUnderAge("nosuchuser" + id().substring(0, 8), "Father", stranger, "He is 10.");
        assertEquals(TOKEN.matcher(db.mailsTo(parent).get(0)).replaceAll("LINK"), TOKEN.matcher(db.mailsTo(stranger).get(0)).replaceAll("LINK"),
                "the same answer whether or not the account exists");
        assertFalse(suspended(child), "nothing happens before the link is followed");

        assertEquals(RightsDesk.Confirmed.REPORT, service.confirm(token(db.mailsTo(parent).get(0))).orElseThrow());
        assertTrue(suspended(child), "suspended while in review");
        service.confirm(token(db.mailsTo(stranger).get(0))).orElseThrow();
        RightsDesk.ReportRow row = reportOn(officer, username(child));
        assertTrue(row.report().isInReview());
        assertTrue(row.suspended());

        assertThrows(InvalidInputException.class, () -> desk.confirmReport(officer, row.report().id(), " "));
        desk.confirmReport(officer, row.report().id(), "The school confirmed her age.");
        assertEquals(1, db.number("select count(*) from member where id = ? and deleted_at is not null and name = ''", child),
                "P-CHILD-1: the child's account is deleted");
        assertEquals(ReportStatus.CONFIRMED, reportOn(officer, childName).report().status());
        String outcome = db.mailsTo(parent).get(db.mailsTo(parent).size() - 1);
        assertTrue(outcome.contains("confirmed it") && outcome.contains("The school confirmed her age."), outcome);

        desk.reportUnderAge(username(other), "Uncle", uncle, "Looks young.");
        service.confirm(token(db.mailsTo(uncle).get(0))).orElseThrow();
        assertTrue(suspended(other));
        desk.dismissReport(officer, reportOn(officer, username(other)).report().id(), "He showed he is 17.");
        assertFalse(suspended(other), "the hold is lifted");
        String dismissed = db.mailsTo(uncle).get(db.mailsTo(uncle).size() - 1);
        assertTrue(dismissed.contains("did not confirm it") && dismissed.contains("He showed he is 17."), dismissed);
        assertEquals(List.of(StaffAction.Kind.REINSTATE, StaffAction.Kind.DISMISS_UNDER_AGE, StaffAction.Kind.SUSPEND),
                staffLog.on("under-age report " + reportOn(officer, username(other)).report().id()).stream().map(StaffAction::kind).toList());

        // A staff account is not suspended by a report alone (or anyone could lock the staff out); the officer decides first.
        long staff = officer("staffer");
        String aunt = "aunt." + id() + "@example.org";
        desk.reportUnderAge(username(staff), "Aunt", aunt, "Surely a child.");
        service.confirm(token(db.mailsTo(aunt).get(0))).orElseThrow();
        assertFalse(suspended(staff));
        assertEquals(List.of(HistoryEntry.What.RECEIVED, HistoryEntry.What.VERIFIED, HistoryEntry.What.NOT_HELD),
                whats(reportOn(officer, username(staff)).history()));
    }

    /** P-RIGHTS-1, P-CHILD-1: a member who is not a privacy officer cannot see the queue, answer requests or decide reports. */
    @Test
    void aMemberCannotAnswerRequestsOrDecideReports_P_RIGHTS_1_P_CHILD_1() {
        long member = member("crafty");
        long victim = member("victim");
        String reporter = "reporter." + id() + "@example.org";
        RightsRequest request = desk.requestAsMember(victim, RequestKind.ACCESS, "Mine");
        desk.reportUnderAge(username(victim), "Parent", reporter, "Young");
        service.confirm(token(db.mailsTo(reporter).get(0))).orElseThrow();
        long officer = officer("realofficer");
        long report = reportOn(officer, username(victim)).report().id();

        // Not signed in: the container refuses the officer's service before it runs.
        assertThrows(EJBException.class, () -> office.queue());
        assertThrows(EJBException.class, () -> office.answer(request.id(), Outcome.DONE, "Here"));
        assertThrows(EJBException.class, () -> office.confirmReport(report, "Yes"));
        assertThrows(EJBException.class, () -> service.request(RequestKind.ACCESS, "anonymous"));
        // A plain member: the desk checks the role in the database.
        assertThrows(RightsRefusedException.class, () -> desk.queue(member, now()));
        assertThrows(RightsRefusedException.class, () -> desk.reports(member));
        assertThrows(RightsRefusedException.class, () -> desk.start(member, request.id()));
        assertThrows(RightsRefusedException.class, () -> desk.answer(member, request.id(), Outcome.DONE, "Here"));
        assertThrows(RightsRefusedException.class, () -> desk.confirmReport(member, report, "Yes"));
        assertThrows(RightsRefusedException.class, () -> desk.dismissReport(member, report, "No"));

        assertEquals(RequestStatus.RECEIVED, find(request.id()).status());
        assertTrue(reportOn(officer, username(victim)).report().isInReview());
        assertTrue(suspended(victim), "still held for review");
        assertTrue(staffLog.on("rights request " + request.id()).isEmpty());
    }

    /** The demo content seeds a request in every state: unverified, received, in progress, answered and overdue. */
    @Test
    void demoContentHasARequestInEveryState_P_RIGHTS_1() {
        // The whole demo, as the portal seeds it: once per database, whatever other tests seeded before.
        seeder.seedAll();
        assertTrue(seeder.seededNames().contains("rights-requests"), seeder.seededNames().toString());
        long priya = Long.parseLong(db.string("select id from member where username_key = ?", "priya"));

        List<RightsDesk.QueueRow> queue = desk.queue(priya, now()).stream()
                .filter(row -> row.request().requesterEmail().endsWith("@demo.colloquy.test")).toList();
        assertEquals(java.util.EnumSet.allOf(RequestStatus.class).stream().filter(s -> s != RequestStatus.REFUSED).toList(),
                queue.stream().map(row -> row.request().status()).distinct().sorted().toList());
        assertTrue(queue.get(0).overdue(), "the overdue one comes first");
        assertEquals(1, queue.stream().filter(RightsDesk.QueueRow::overdue).count());
    }

    // --- helpers ---

    private long member(String prefix) {
        String username = prefix + id().substring(0, 8);
        return new TestMembers(dataSource, policies).create(username, "Real Name " + username, username + "@example.org",
                now().minusDays(30), true);
    }

    private long officer(String prefix) {
        long member = member(prefix);
        db.update("insert into member_role (member_id, role) values (?, 'PRIVACY_OFFICER')", member);
        return member;
    }

    private RightsDesk.ReportRow reportOn(long officer, String username) {
        return desk.reports(officer).stream().filter(r -> r.report().username().equals(username)).findFirst().orElseThrow();
    }

    private RightsRequest find(long id) {
        return desk.requestsOf(memberOf(id)).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    private RightsRequest requestTo(String email) {
        long officer = officer("reader");
        return desk.queue(officer, now()).stream().map(RightsDesk.QueueRow::request).filter(r -> r.requesterEmail().equals(email))
                .findFirst().orElseThrow();
    }

    private static int indexOf(List<RightsDesk.QueueRow> queue, long id) {
        for (int i = 0; i < queue.size(); i++) {
            if (queue.get(i).request().id() == id) {
                return i;
            }
        }
        throw new AssertionError("request " + id + " is not in the queue");
    }

    private static List<Long> ids(List<RightsRequest> requests) {
        return requests.stream().map(RightsRequest::id).toList();
    }

    private static List<HistoryEntry.What> whats(List<HistoryEntry> history) {
        return history.stream().map(HistoryEntry::what).toList();
    }

    private static String token(String mail) {
        Matcher m = TOKEN.matcher(mail);
        assertTrue(m.find(), mail);
        return m.group(1);
    }

    private boolean suspended(long memberId) {
        return db.number("select count(*) from member where id = ? and suspended_at is not null", memberId) == 1;
    }

    private String username(long memberId) {
        return db.string("select username from member where id = ?", memberId);
    }

    private String email(long memberId) {
        return db.string("select email from member where id = ?", memberId);
    }

    private long memberOf(long requestId) {
        return db.number("select member_id from rights_request where id = ?", requestId);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static String id() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
