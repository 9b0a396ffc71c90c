package org.colloquy.sponsor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.colloquy.event.EventRefusedException;
import org.colloquy.event.EventService;
import org.colloquy.event.EventService.RegistrationForm;
import org.colloquy.event.SharedField;
import org.colloquy.event.SponsorSharing;
import org.colloquy.event.Webinar;
import org.colloquy.event.WebinarDraft;
import org.colloquy.forum.SqlStatementCounter;
import org.colloquy.platform.mail.MailOutbox;
import org.colloquy.platform.persistence.DatabaseMigrator;
import org.colloquy.policy.PolicyService;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.privacy.Consent;
import org.colloquy.privacy.ConsentPurpose;
import org.colloquy.privacy.ConsentService;
import org.colloquy.privacy.SponsorListSender;
import org.colloquy.sponsor.SponsorPortal.AttendeeList;
import org.colloquy.test.Deployments;
import org.colloquy.test.MailInbox;
import org.colloquy.test.ReceivedMail;
import org.colloquy.test.TestMembers;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Webinars, registrations and the sponsor portal inside the container, on the real database: what
 * each sponsor sees (only consenting attendees, only consented fields, the others as a number),
 * crafted requests across sponsors, the CSV export with its header and neutralised cells, a
 * withdrawal during an export, and the revocation notice that follows; the calendar files mailed with
 * a confirmation, a change of the webinar and a member's own cancellation. Each test builds its own
 * webinar, sponsors and members.
 */
@ExtendWith(ArquillianExtension.class)
class EventServicesIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.portal().addClasses(TestMembers.class, SponsorListSender.class, RegistrationMailTestServlet.class,
                SqlStatementCounter.class, MailInbox.class, ReceivedMail.class, ReceivedMail.Attachment.class);
    }

    @Resource(lookup = DatabaseMigrator.DATA_SOURCE)
    DataSource dataSource;

    @ArquillianResource
    URL base;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Inject
    EventService events;

    @Inject
    SponsorPortal portal;

    @Inject
    SponsorService sponsors;

    @PersistenceUnit
    EntityManagerFactory emf;

    @Inject
    RevocationNotices notices;

    @Inject
    ConsentService consents;

    @Inject
    PolicyService policies;

    @Inject
    SponsorListSender feature;

    @Inject
    MailOutbox outbox;

    private String id;
    private long sponsorA;
    private long sponsorB;
    private long contactA;
    private long contactB;
    private Webinar webinar;

    @BeforeEach
    void setUp() {
        if (dataSource == null) {
            return; // a client-side test: it sets up its data through the portal
        }
        id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        sponsorA = sponsor("Acme " + id);
        sponsorB = sponsor("Globex " + id);
        contactA = member("contacta");
        contactB = member("contactb");
        execute("insert into sponsor_contact (sponsor_id, member_id, added_at) values (?, ?, ?)", sponsorA, contactA, now());
        execute("insert into sponsor_contact (sponsor_id, member_id, added_at) values (?, ?, ?)", sponsorB, contactB, now());
        webinar = events.createUnchecked(new WebinarDraft("Webinar " + id, "About **things**", LocalDateTime.now().plusDays(7),
                LocalDateTime.now().plusDays(7).plusHours(1), "Europe/Oslo", null, null, "https://meet.example.org/" + id,
                List.of(sponsorA, sponsorB)));
    }

    /**
     * Each sponsor sees only the registrants who ticked something for it, with only the fields they
     * ticked, and the others only as a number; no tick at all registers the same (P-SPONSOR-1,
     * P-SPONSOR-2). Every view is in the ledger of each listed member and of no one else.
     */
    @Test
    void eachSponsorSeesOnlyConsentingAttendeesWithOnlyTheirFields_P_SPONSOR_1_P_SPONSOR_2() {
        long both = register("both", Map.of(sponsorA, EnumSet.of(SharedField.EMAIL, SharedField.NAME)));
        long none = register("none", Map.of());
        long mixed = register("mixed", Map.of(sponsorA, EnumSet.of(SharedField.EMAIL), sponsorB, EnumSet.of(SharedField.ORGANIZATION)));
        assertEquals(3, events.countRegistrations(webinar.id()));
        assertTrue(events.registrationOf(none, webinar.id()).orElseThrow().sharing().isEmpty(), "no tick, no consent");

        Consent consent = consents.live(both, ConsentPurpose.SPONSOR_SHARING, SponsorSharing.subjectKey(sponsorA, webinar.id())).orElseThrow();
        assertEquals("Share my email address with Acme " + id + "\nShare my name with Acme " + id + "\n"
                + "Nothing is shared with a sponsor unless you tick a box, and you can withdraw at any time from this page or your privacy centre.",
                consent.noticeText(), "the consent records the exact wording of the ticked boxes");

        AttendeeList a = portal.attendees(contactA, webinar.id(), sponsorA);
        assertEquals(List.of(List.of("both." + id + "@example.org", "Both Person " + id, "-", "-"),
                List.of("mixed." + id + "@example.org", "-", "-", "-")), cells(a));
        assertEquals(1, a.notConsenting());

        AttendeeList b = portal.attendees(contactB, webinar.id(), sponsorB);
        assertEquals(List.of(List.of("-", "-", "-", "Org of mixed")), cells(b));
        assertEquals(2, b.notConsenting());

        assertEquals(List.of("email,name"), ledger(both, sponsorA));
        assertEquals(List.of("email"), ledger(mixed, sponsorA));
        assertEquals(List.of("organization"), ledger(mixed, sponsorB));
        assertEquals(List.of(), ledger(none, sponsorA));
        assertEquals(List.of(), ledger(both, sponsorB));
    }

    /** A contact of one sponsor gets nothing of another sponsor, nor of a webinar its sponsor does not sponsor; nothing is disclosed. */
    @Test
    void craftedRequestsAcrossSponsorsAreRefused() {
        long member = register("crafted", Map.of(sponsorB, EnumSet.allOf(SharedField.class)));
        Webinar other = events.createUnchecked(new WebinarDraft("Other " + id, "", LocalDateTime.now().plusDays(3),
                LocalDateTime.now().plusDays(3).plusHours(1), "UTC", null, null, null, List.of(sponsorB)));
        long stranger = member("stranger");

        assertThrows(PortalRefusedException.class, () -> portal.attendees(contactA, webinar.id(), sponsorB), "A's contact asking for B");
        assertThrows(PortalRefusedException.class, () -> portal.export(contactA, webinar.id(), sponsorB, new StringBuilder()));
        assertThrows(PortalRefusedException.class, () -> portal.attendees(contactA, other.id(), sponsorA), "A does not sponsor it");
        assertThrows(PortalRefusedException.class, () -> portal.attendees(stranger, webinar.id(), sponsorB), "not a contact at all");
        assertThrows(PortalRefusedException.class, () -> portal.attendees(contactB, webinar.id() + 1_000_000, sponsorB));
        assertThrows(PortalRefusedException.class, () -> notices.ofSponsor(contactA, sponsorB));
        assertEquals(List.of(), ledger(member, sponsorB), "nothing left for a refused request");
        assertEquals(List.of(), portal.desk(stranger));
        assertEquals(List.of(webinar.id()), portal.desk(contactA).get(0).webinars().stream().map(SponsorPortal.SponsoredWebinar::id).toList());
        assertThrows(EventRefusedException.class, () -> events.register(member, webinar.id(),
                new RegistrationForm(null, null, Map.of(sponsorA + 1_000_000, Set.of(SharedField.EMAIL)))), "a sponsor of no such webinar");
    }

    /**
     * The CSV names the event, the sponsor, the time and the consent terms, holds exactly the
     * consented fields, and every cell a spreadsheet would run as a formula starts with an apostrophe.
     */
    @Test
    void theCsvExportHasItsHeaderAndNeutralisesFormulas() throws Exception {
        long attacker = members("=HYPERLINK(\"http://evil.example\")", "attacker");
        events.register(attacker, webinar.id(), new RegistrationForm("-2+3", "@SUM(A1)", Map.of(sponsorA, EnumSet.allOf(SharedField.class))));
        long plain = register("plain", Map.of(sponsorA, EnumSet.of(SharedField.NAME)));

        StringBuilder out = new StringBuilder();
        portal.export(contactA, webinar.id(), sponsorA, out);
        String csv = out.toString();
        List<String> comments = csv.lines().filter(l -> l.startsWith("#")).toList();
        assertEquals("# Event: Webinar " + id, comments.get(0));
        assertEquals("# Sponsor: Acme " + id, comments.get(1));
        assertTrue(comments.get(2).startsWith("# Exported at: " + OffsetDateTime.now(ZoneOffset.UTC).getYear()), comments.get(2));
        assertTrue(comments.get(3).contains("Consent can be withdrawn"), comments.get(3));

        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setCommentMarker('#').get().parse(new StringReader(csv)).getRecords();
        assertEquals(List.of("email", "name", "job_title", "organization", "consent_given_at"), records.get(0).toList());
        assertEquals(List.of("attacker." + id + "@example.org", "'=HYPERLINK(\"http://evil.example\")", "'-2+3", "'@SUM(A1)"),
                records.get(1).toList().subList(0, 4));
        assertEquals(List.of("", "Plain Person " + id, "", ""), records.get(2).toList().subList(0, 4));
        assertEquals(3, records.size());
        assertEquals(List.of("email,name,job_title,organization"), ledger(attacker, sponsorA));
        assertEquals(List.of("name"), ledger(plain, sponsorA));
        assertEquals("'+1", CsvCells.safe("+1"));
        assertEquals("'\tx", CsvCells.safe("\tx"));
        assertEquals("a=b", CsvCells.safe("a=b"));
    }

    /**
     * Withdrawal is prospective (P-SPONSOR-3, P-CONSENT-1): the member is in no later view or export,
     * the earlier disclosure stays in the ledger, the sponsor that received the data gets a notice
     * naming what to delete (and its contacts a mail that names nobody), a contact of that sponsor
     * acknowledges it, and unacknowledged notices come first. A sponsor that received nothing gets no notice.
     */
    @Test
    void aWithdrawalStopsLaterExportsAndTellsTheSponsor_P_SPONSOR_3() {
        long leaving = register("leaving", Map.of(sponsorA, EnumSet.of(SharedField.EMAIL, SharedField.NAME),
                sponsorB, EnumSet.of(SharedField.EMAIL)));
        long staying = register("staying", Map.of(sponsorA, EnumSet.of(SharedField.EMAIL)));
        StringBuilder before = new StringBuilder();
        portal.export(contactA, webinar.id(), sponsorA, before);
        assertTrue(before.toString().contains("leaving." + id + "@example.org"), before.toString());

        Consent consent = consents.live(leaving, ConsentPurpose.SPONSOR_SHARING, SponsorSharing.subjectKey(sponsorA, webinar.id())).orElseThrow();
        consents.withdraw(leaving, consent.id(), "Test");
        events.cancel(leaving, webinar.id(), "Test"); // also withdraws B, which never received anything

        StringBuilder after = new StringBuilder();
        portal.export(contactA, webinar.id(), sponsorA, after);
        assertFalse(after.toString().contains("leaving." + id), after.toString());
        assertTrue(after.toString().contains("staying." + id + "@example.org"), after.toString());
        assertEquals(0, portal.attendees(contactA, webinar.id(), sponsorA).rows().stream().filter(r -> r.email().startsWith("leaving")).count());
        assertEquals(List.of("email,name"), ledger(leaving, sponsorA), "the earlier export stays on record, nothing later");

        List<RevocationNotice> ofA = notices.ofSponsor(contactA, sponsorA);
        assertEquals(1, ofA.size());
        assertEquals("email,name", ofA.get(0).fields());
        assertEquals("leaving." + id + "@example.org · Leaving Person " + id, ofA.get(0).attendee());
        assertFalse(ofA.get(0).isAcknowledged());
        assertEquals(List.of(), notices.ofSponsor(contactB, sponsorB), "B received nothing, so it has nothing to delete");
        assertEquals(1, count("select count(*) from mail_outbox where recipient = ? and subject like 'An attendee withdrew%'",
                "contacta." + id + "@example.org"));
        assertEquals(0, count("select count(*) from mail_outbox where recipient = ? and body_text like ?",
                "contacta." + id + "@example.org", "%leaving%"), "the mail names nobody");

        assertThrows(PortalRefusedException.class, () -> notices.acknowledge(contactB, ofA.get(0).id()));
        // A second notice, so the order can be seen: unacknowledged first.
        consents.withdraw(staying, consents.live(staying, ConsentPurpose.SPONSOR_SHARING,
                SponsorSharing.subjectKey(sponsorA, webinar.id())).orElseThrow().id(), "Test");
        notices.acknowledge(contactA, ofA.get(0).id());
        List<RevocationNotice> ordered = notices.ofSponsor(contactA, sponsorA);
        assertEquals(2, ordered.size());
        assertFalse(ordered.get(0).isAcknowledged());
        assertTrue(ordered.get(0).attendee().startsWith("staying."), ordered.get(0).attendee());
        assertTrue(ordered.get(1).isAcknowledged());
        assertEquals(0, portal.attendees(contactA, webinar.id(), sponsorA).rows().size());
    }

    /**
     * A withdrawal in flight while an export runs: the export waits for the consent row, then sees
     * the withdrawal, and holds only members whose consent was live when their row was read; the
     * withdrawn member gets no ledger entry for it (P-SPONSOR-3).
     */
    @Test
    void anExportDuringAWithdrawalHoldsOnlyLiveConsents_P_SPONSOR_3() throws Exception {
        List<Long> others = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            others.add(register("other" + i, Map.of(sponsorA, EnumSet.of(SharedField.EMAIL))));
        }
        long leaving = register("leaving", Map.of(sponsorA, EnumSet.of(SharedField.EMAIL)));
        Consent consent = consents.live(leaving, ConsentPurpose.SPONSOR_SHARING, SponsorSharing.subjectKey(sponsorA, webinar.id())).orElseThrow();

        CountDownLatch withdrawn = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> withdrawal = executor.submit(() -> {
            feature.withdrawAndHold(leaving, consent.id(), withdrawn, release);
            return null;
        });
        try {
            assertTrue(withdrawn.await(30, TimeUnit.SECONDS), "the withdrawal started");
            Future<String> export = executor.submit(() -> {
                StringBuilder out = new StringBuilder();
                portal.export(contactA, webinar.id(), sponsorA, out);
                return out.toString();
            });
            assertThrows(TimeoutException.class, () -> export.get(2, TimeUnit.SECONDS), "the export waits for the consent in flight");
            release.countDown();
            withdrawal.get(30, TimeUnit.SECONDS);
            String csv = export.get(30, TimeUnit.SECONDS);
            assertFalse(csv.contains("leaving." + id), csv);
            for (int i = 0; i < 3; i++) {
                assertTrue(csv.contains("other" + i + "." + id + "@example.org"), csv);
            }
        } finally {
            release.countDown();
        }
        assertEquals(List.of(), ledger(leaving, sponsorA));
        for (long other : others) {
            assertEquals(List.of("email"), ledger(other, sponsorA));
        }
    }

    /**
     * The confirmation as the registrant's mail server receives it: a multipart mail whose
     * {@code webinar.ics} parses (iCal4j) to the webinar's start and end, 15:00–16:30 in Oslo as
     * UTC instants, with the page, the join link (the registrant may see it) and a UID of this
     * registration.
     */
    @Test
    @RunAsClient
    void theConfirmationMailCarriesACalendarFileWithTheWebinarsTimes(MailInbox smtp) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.toURI().resolve("test/event/registered"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        List<String> lines = response.body().lines().toList();
        String email = lines.get(0);
        ReceivedMail mail = smtp.awaitMail(email, Duration.ofSeconds(30));
        assertTrue(mail.subject().startsWith("You are registered: Calendar "), mail.subject());
        assertTrue(mail.bodyText().contains(lines.get(3)), "the text still has the join link: " + mail.bodyText());
        ReceivedMail.Attachment file = mail.attachment("webinar.ics");
        assertTrue(file.contentType().startsWith("text/calendar"), file.contentType());

        Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(file.content()));
        assertEquals("REQUEST", calendar.getProperty(Property.METHOD).orElseThrow().getValue());
        VEvent event = (VEvent) calendar.getComponent(Component.VEVENT).orElseThrow();
        Instant start = Instant.parse(lines.get(1));
        assertEquals(LocalTime.of(15, 0), start.atZone(ZoneId.of("Europe/Oslo")).toLocalTime(), "the webinar was set at 15:00 in Oslo");
        assertEquals(start, Instant.from(event.getStartDate().orElseThrow().getDate()));
        assertEquals(Instant.parse(lines.get(2)), Instant.from(event.getEndDate().orElseThrow().getDate()));
        assertTrue(event.getProperty(Property.DTSTART).orElseThrow().getValue().endsWith("Z"), "written in UTC");
        assertTrue(event.getProperty(Property.URL).orElseThrow().getValue().endsWith("/event?id=" + lines.get(4)));
        assertTrue(event.getProperty(Property.DESCRIPTION).orElseThrow().getValue().contains(lines.get(3)));
        assertTrue(event.getProperty(Property.UID).orElseThrow().getValue().startsWith("webinar-" + lines.get(4) + "-registration-"));
        assertEquals("mailto:" + email, event.getProperty(Property.ATTENDEE).orElseThrow().getValue());
    }

    /**
     * Changing a webinar's time (15:00–16:00 in Oslo to 16:00–17:30) mails every current registrant
     * what it was and what it is, with the updated entry for their calendar: a request for the same
     * UID as their confirmation, a higher sequence, the new instants in UTC. The mail is in the outbox
     * the member's data export reads. A changed join link is a second revision. An edit of what no
     * calendar shows (description, capacity), a cancelled registration, a cancelled webinar and a
     * webinar long over get nothing.
     */
    @Test
    void aChangeOfTimeIsMailedToEachCurrentRegistrantWithTheUpdatedCalendarEntry() throws Exception {
        LocalDate day = LocalDate.now().plusDays(10);
        WebinarDraft planned = new WebinarDraft("Moving " + id, "First words", day.atTime(15, 0), day.atTime(16, 0), "Europe/Oslo", null,
                null, "https://meet.example.org/" + id, List.of(sponsorA));
        Webinar moving = events.createUnchecked(planned);
        String stayingEmail = "staying." + id + "@example.org";
        String leavingEmail = "leaving." + id + "@example.org";
        long staying = members("Staying Person " + id, "staying");
        long leaving = members("Leaving Person " + id, "leaving");
        events.register(staying, moving.id(), new RegistrationForm(null, null, Map.of()));
        events.register(leaving, moving.id(), new RegistrationForm(null, null, Map.of()));
        events.cancel(leaving, moving.id(), "Test");
        VEvent confirmed = calendarEvent(onlyMail(stayingEmail, "You are registered: "), "REQUEST");

        EventService.WebinarUpdate same = events.updateUnchecked(moving.id(), new WebinarDraft("Moving " + id, "Other words, **longer**",
                day.atTime(15, 0), day.atTime(16, 0), "Europe/Oslo", 40, null, "https://meet.example.org/" + id, List.of(sponsorA, sponsorB)));
        assertFalse(same.calendarChanged());
        assertEquals(0, same.registrantsTold());
        assertEquals(List.of(), mails(stayingEmail, "Changed: "), "nothing a calendar shows changed, so nothing is sent");

        EventService.WebinarUpdate moved = events.updateUnchecked(moving.id(), new WebinarDraft("Moving " + id, "Other words",
                day.atTime(16, 0), day.atTime(17, 30), "Europe/Oslo", 40, null, "https://meet.example.org/" + id, List.of(sponsorA)));
        assertTrue(moved.calendarChanged());
        assertEquals(1, moved.registrantsTold(), "the one current registrant");
        OutboxRow mail = onlyMail(stayingEmail, "Changed: ");
        assertEquals("Changed: Moving " + id, mail.subject());
        List<String> lines = mail.body().replace('\u202f', ' ').lines().toList();
        String was = lines.stream().filter(l -> l.startsWith("Time before: ")).findFirst().orElseThrow(() -> new AssertionError(mail.body()));
        String is = lines.stream().filter(l -> l.startsWith("Time now: ")).findFirst().orElseThrow(() -> new AssertionError(mail.body()));
        assertTrue(was.endsWith("3:00 PM – 4:00 PM (Europe/Oslo)"), was);
        assertTrue(is.endsWith("4:00 PM – 5:30 PM (Europe/Oslo)"), is);
        String date = day.format(java.time.format.DateTimeFormatter.ofPattern("MMMM d, yyyy", java.util.Locale.ENGLISH));
        assertTrue(was.contains(date) && is.contains(date), "the day, as the confirmation writes it: " + date + " in " + mail.body());
        assertFalse(mail.body().contains("Title before"), "only what changed: " + mail.body());
        assertEquals("ACCOUNT", mail.category());

        VEvent updated = calendarEvent(mail, "REQUEST");
        assertEquals(confirmed.getProperty(Property.UID).orElseThrow().getValue(), updated.getProperty(Property.UID).orElseThrow().getValue(),
                "the entry of the confirmation, replaced");
        assertEquals("0", confirmed.getProperty(Property.SEQUENCE).orElseThrow().getValue());
        assertEquals("1", updated.getProperty(Property.SEQUENCE).orElseThrow().getValue());
        Instant start = day.atTime(16, 0).atZone(ZoneId.of("Europe/Oslo")).toInstant();
        assertEquals(start, Instant.from(updated.getStartDate().orElseThrow().getDate()));
        assertEquals(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(start),
                updated.getProperty(Property.DTSTART).orElseThrow().getValue(), "written in UTC");
        assertEquals(start.plus(Duration.ofMinutes(90)), Instant.from(updated.getEndDate().orElseThrow().getDate()));
        assertTrue(outbox.to(stayingEmail, 0, 100).stream().anyMatch(m -> m.subject().equals("Changed: Moving " + id)),
                "in what the member's data export reads");

        assertEquals(1, events.updateUnchecked(moving.id(), new WebinarDraft("Moving " + id, "Other words", day.atTime(16, 0),
                day.atTime(17, 30), "Europe/Oslo", 40, null, "https://meet.example.org/new-" + id, List.of(sponsorA))).registrantsTold());
        List<OutboxRow> changes = mails(stayingEmail, "Changed: ");
        assertEquals(2, changes.size());
        assertTrue(changes.get(1).body().contains("Join link now: https://meet.example.org/new-" + id), changes.get(1).body());
        VEvent relinked = calendarEvent(changes.get(1), "REQUEST");
        assertEquals("2", relinked.getProperty(Property.SEQUENCE).orElseThrow().getValue());
        assertEquals("https://meet.example.org/new-" + id, relinked.getProperty(Property.LOCATION).orElseThrow().getValue());

        assertEquals(List.of(), mails(leavingEmail, "Changed: "), "a cancelled registration gets nothing");

        execute("update webinar set cancelled_at = ? where id = ?", now(), moving.id());
        EventService.WebinarUpdate afterCancel = events.updateUnchecked(moving.id(), new WebinarDraft("Moving " + id, "", day.atTime(18, 0),
                day.atTime(19, 0), "Europe/Oslo", null, null, null, List.of()));
        assertEquals(0, afterCancel.registrantsTold(), "an update would bring back the entry the cancellation removed");
        assertEquals(2, mails(stayingEmail, "Changed: ").size());

        Webinar over = events.createUnchecked(new WebinarDraft("Over " + id, "", LocalDateTime.now().minusDays(3),
                LocalDateTime.now().minusDays(3).plusHours(1), "UTC", null, null, null, List.of()));
        execute("insert into webinar_registration (webinar_id, member_id, registered_at) values (?, ?, ?)", over.id(), staying,
                now().minusDays(4));
        assertEquals(0, events.updateUnchecked(over.id(), new WebinarDraft("Over, with a typo fixed " + id, "",
                LocalDateTime.now().minusDays(3), LocalDateTime.now().minusDays(3).plusHours(1), "UTC", null, null, null, List.of()))
                .registrantsTold(), "a webinar long over");
        assertEquals(List.of(), mails(stayingEmail, "Changed: Over"));
    }

    /**
     * A member cancelling their own registration is mailed a confirmation with the cancellation of
     * their calendar entry: the UID of the confirmation, a higher sequence. Registering again invites
     * the same entry with a sequence above the cancellation's; cancelling when not registered sends nothing.
     */
    @Test
    void aMemberCancellingTheirRegistrationGetsTheCancellationOfTheirCalendarEntry() throws Exception {
        long member = register("self", Map.of(sponsorA, EnumSet.of(SharedField.EMAIL)));
        String email = "self." + id + "@example.org";
        VEvent invited = calendarEvent(onlyMail(email, "You are registered: "), "REQUEST");

        events.cancel(member, webinar.id(), "Test");
        OutboxRow mail = onlyMail(email, "Registration cancelled: ");
        assertEquals("Registration cancelled: Webinar " + id, mail.subject());
        assertTrue(mail.body().contains("You cancelled your registration for the webinar \"Webinar " + id + "\""), mail.body());
        assertTrue(mail.body().contains("Nothing more is shared with its sponsors"), mail.body());
        assertFalse(mail.body().contains("https://meet.example.org/"), "no join link for a cancelled registration");
        assertEquals("ACCOUNT", mail.category());
        VEvent cancelled = calendarEvent(mail, "CANCEL");
        assertEquals(invited.getProperty(Property.UID).orElseThrow().getValue(), cancelled.getProperty(Property.UID).orElseThrow().getValue());
        assertEquals("1", cancelled.getProperty(Property.SEQUENCE).orElseThrow().getValue());
        assertEquals("CANCELLED", cancelled.getProperty(Property.STATUS).orElseThrow().getValue());
        assertEquals(Instant.from(invited.getStartDate().orElseThrow().getDate()), Instant.from(cancelled.getStartDate().orElseThrow().getDate()));
        assertTrue(consents.live(member, ConsentPurpose.SPONSOR_SHARING, SponsorSharing.subjectKey(sponsorA, webinar.id())).isEmpty());

        events.cancel(member, webinar.id(), "Test");
        assertEquals(1, mails(email, "Registration cancelled: ").size(), "not registered any more: nothing to confirm");

        events.register(member, webinar.id(), new RegistrationForm(null, null, Map.of()));
        List<OutboxRow> confirmations = mails(email, "You are registered: ");
        assertEquals(2, confirmations.size());
        VEvent again = calendarEvent(confirmations.get(1), "REQUEST");
        assertEquals(invited.getProperty(Property.UID).orElseThrow().getValue(), again.getProperty(Property.UID).orElseThrow().getValue());
        assertEquals("2", again.getProperty(Property.SEQUENCE).orElseThrow().getValue(), "above the cancellation's, so clients take it");
    }

    /**
     * A sponsor's logo: stored as a PNG drawn from the upload's pixels, scaled to fit 320 × 160, with
     * an address that changes with each new logo; an SVG or oversized file is refused on the logo
     * field and the old logo stays; only an event manager may change it.
     */
    @Test
    void aLogoIsStoredAsARedrawnPngWhoseAddressChangesWithEachNewOne() throws Exception {
        assertTrue(sponsors.find(sponsorA).orElseThrow().logoPath() == null, "no logo yet");
        java.awt.image.BufferedImage photo = new java.awt.image.BufferedImage(800, 800, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(photo, "jpeg", jpeg);
        sponsors.setLogoUnchecked(sponsorA, jpeg.toByteArray());
        SponsorService.SponsorView first = sponsors.find(sponsorA).orElseThrow();
        byte[] stored = sponsors.logo(sponsorA).orElseThrow();
        java.awt.image.BufferedImage logo = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(stored));
        assertEquals(List.of(160, 160), List.of(logo.getWidth(), logo.getHeight()), "a square fits 160 high");
        assertEquals((byte) 0x89, stored[0], "PNG, whatever was uploaded");
        assertEquals("/sponsor-logo/" + sponsorA + "?v=1", first.logoPath());
        assertEquals(first.logoPath(), events.sponsorsOf(webinar).get(0).logoPath(), "the event page gets the same address");

        InvalidInputException svg = assertThrows(InvalidInputException.class,
                () -> sponsors.setLogoUnchecked(sponsorA, "<svg onload=\"alert(1)\"/>".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertTrue(svg.problems().get(SponsorService.LOGO_FIELD).startsWith("SVG logos are not accepted"), svg.problems().toString());
        InvalidInputException big = assertThrows(InvalidInputException.class,
                () -> sponsors.setLogoUnchecked(sponsorA, new byte[SponsorService.LOGO_MAX_BYTES + 1]));
        assertEquals("A logo is at most 1 MB.", big.problems().get(SponsorService.LOGO_FIELD));
        assertEquals("/sponsor-logo/" + sponsorA + "?v=1", sponsors.find(sponsorA).orElseThrow().logoPath(), "a refused file changes nothing");
        assertThrows(EventRefusedException.class, () -> sponsors.changeLogo(sponsorA, jpeg.toByteArray()), "no event manager is signed in");

        sponsors.setLogoUnchecked(sponsorA, jpeg.toByteArray());
        assertEquals("/sponsor-logo/" + sponsorA + "?v=2", sponsors.find(sponsorA).orElseThrow().logoPath(), "a new logo, a new address");
        assertTrue(sponsors.logo(sponsorB).isEmpty());
    }

    /**
     * An export costs a fixed number of statements per batch, however many rows it holds (decision
     * 0022): 60 registrants, of whom 40 consented in two combinations of fields, cost what 6 do.
     * Every consenting member still gets a ledger entry, with the fields of their own consent.
     */
    @Test
    void anExportCostsAFixedNumberOfStatementsWhateverItsSize_P_SPONSOR_2() throws Exception {
        Webinar few = events.createUnchecked(new WebinarDraft("Few " + id, "", LocalDateTime.now().plusDays(4),
                LocalDateTime.now().plusDays(4).plusHours(1), "UTC", null, null, null, List.of(sponsorA)));
        Webinar many = events.createUnchecked(new WebinarDraft("Many " + id, "", LocalDateTime.now().plusDays(4),
                LocalDateTime.now().plusDays(4).plusHours(1), "UTC", null, null, null, List.of(sponsorA)));
        List<Long> fewMembers = seedRegistrants(few, 6);
        List<Long> manyMembers = seedRegistrants(many, 60);
        int forFew;
        int forMany;
        StringBuilder fewCsv = new StringBuilder();
        StringBuilder manyCsv = new StringBuilder();
        try (SqlStatementCounter counter = SqlStatementCounter.start(emf)) {
            forFew = counter.count(() -> portal.export(contactA, few.id(), sponsorA, fewCsv));
            forMany = counter.count(() -> portal.export(contactA, many.id(), sponsorA, manyCsv));
        }
        assertEquals(forFew, forMany, "60 registrants cost what 6 do");
        assertTrue(forFew <= 16, "access check, registrations, live consents, per group of fields lock, withdrawal relation,"
                + " withdrawals and ledger insert, names and addresses, the empty last page: " + forFew);
        assertEquals(1 + 40, manyCsv.toString().lines().filter(l -> !l.startsWith("#")).count(), manyCsv.toString());
        for (int i = 0; i < manyMembers.size(); i++) {
            assertEquals(i % 3 == 0 ? List.of("email,name") : i % 3 == 1 ? List.of("email") : List.of(),
                    ledger(manyMembers.get(i), sponsorA, many.id()), "member " + i);
        }
        assertEquals(List.of("email,name"), ledger(fewMembers.get(0), sponsorA, few.id()));
    }

    /**
     * Registrants of a webinar written by SQL for speed: of every three, the first shares email and
     * name with sponsor A, the second email only, the third nothing.
     */
    private List<Long> seedRegistrants(Webinar webinar, int n) throws SQLException {
        List<Long> members = new ArrayList<>();
        String subject = SponsorSharing.subjectKey(sponsorA, webinar.id());
        try (Connection c = dataSource.getConnection();
                PreparedStatement member = c.prepareStatement("insert into member (name, username, username_key, email, email_key,"
                        + " password_hash, created_at, age_confirmed_at, email_verified_at)"
                        + " values (?, ?, ?, ?, ?, 'x', current_timestamp, current_timestamp, current_timestamp)", new String[] {"id"});
                PreparedStatement registration = c.prepareStatement("insert into webinar_registration (webinar_id, member_id, registered_at)"
                        + " values (?, ?, current_timestamp)");
                PreparedStatement consent = c.prepareStatement("insert into consent (member_id, purpose, subject_key, subject_label,"
                        + " fields, notice_version, notice_text, given_at, given_via) values (?, 'SPONSOR_SHARING', ?, 'Acme',"
                        + " ?, 'event-notice/1', 'Share with Acme', current_timestamp, 'Webinar registration form')")) {
            for (int i = 0; i < n; i++) {
                String name = "s" + i + "w" + webinar.id() + id;
                member.setString(1, "Seeded " + name);
                member.setString(2, name);
                member.setString(3, name);
                member.setString(4, name + "@example.org");
                member.setString(5, name + "@example.org");
                member.executeUpdate();
                long memberId;
                try (ResultSet keys = member.getGeneratedKeys()) {
                    keys.next();
                    memberId = keys.getLong(1);
                }
                members.add(memberId);
                registration.setLong(1, webinar.id());
                registration.setLong(2, memberId);
                registration.executeUpdate();
                if (i % 3 != 2) {
                    consent.setLong(1, memberId);
                    consent.setString(2, subject);
                    consent.setString(3, i % 3 == 0 ? "email,name" : "email");
                    consent.executeUpdate();
                }
            }
        }
        return members;
    }

    /**
     * Registration closes when the webinar is full or its deadline has passed, with a message a
     * person can read; a crafted call of an event manager's action by anyone else is refused.
     */
    @Test
    void registrationClosesWhenFullOrLateAndManagersActionsAreRefusedToOthers() {
        Webinar small = events.createUnchecked(new WebinarDraft("Small " + id, "", LocalDateTime.now().plusDays(5),
                LocalDateTime.now().plusDays(5).plusHours(1), "UTC", 1, null, null, List.of(sponsorA)));
        long first = member("first");
        long second = member("second");
        events.register(first, small.id(), new RegistrationForm(null, null, Map.of()));
        EventRefusedException full = assertThrows(EventRefusedException.class,
                () -> events.register(second, small.id(), new RegistrationForm(null, null, Map.of())));
        assertEquals("This webinar is full: every place is taken.", full.getMessage());
        events.register(first, small.id(), new RegistrationForm("Analyst", null, Map.of(sponsorA, Set.of(SharedField.NAME))));
        assertEquals("Analyst", events.registrationOf(first, small.id()).orElseThrow().registration().jobTitle(),
                "a registered member may still change their choices when the webinar is full");

        Webinar late = events.createUnchecked(new WebinarDraft("Late " + id, "", LocalDateTime.now().plusDays(5),
                LocalDateTime.now().plusDays(5).plusHours(1), "UTC", null, LocalDateTime.now().minusHours(1), null, List.of()));
        assertEquals("Registration for this webinar has closed.", events.closedReason(late).orElseThrow());
        assertThrows(EventRefusedException.class, () -> events.register(second, late.id(), new RegistrationForm(null, null, Map.of())));

        assertThrows(EventRefusedException.class, () -> events.cancelWebinar(small.id()), "no event manager is signed in");
        assertThrows(EventRefusedException.class, () -> events.registrantsAsManager(small.id()), "nor may anyone else list the registrants");
        assertThrows(EventRefusedException.class, () -> events.markAttended(small.id(), first, true));
        assertThrows(EventRefusedException.class, () -> events.create(new WebinarDraft("X", "", LocalDateTime.now().plusDays(1),
                LocalDateTime.now().plusDays(1).plusHours(1), "UTC", null, null, null, List.of())));
        assertFalse(events.find(small.id()).orElseThrow().isCancelled());
    }

    // ------------------------------------------------------------------ helpers

    /** A mail as the outbox holds it, with its attachments. */
    private record OutboxRow(long id, String subject, String body, String category, List<String[]> attachmentTypes, List<byte[]> files) {
    }

    /** The mails queued to this address whose subject starts so, oldest first, each with its attachments. */
    private List<OutboxRow> mails(String to, String subjectStart) {
        List<OutboxRow> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select id, subject, body_text, category from mail_outbox where recipient = ?"
                     + " and subject like ? order by id");
             PreparedStatement a = c.prepareStatement("select file_name, content_type, content from mail_attachment where mail_id = ?"
                     + " order by position")) {
            s.setString(1, to);
            s.setString(2, subjectStart + "%");
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    List<String[]> types = new ArrayList<>();
                    List<byte[]> files = new ArrayList<>();
                    a.setLong(1, r.getLong(1));
                    try (ResultSet f = a.executeQuery()) {
                        while (f.next()) {
                            types.add(new String[] {f.getString(1), f.getString(2)});
                            files.add(f.getBytes(3));
                        }
                    }
                    rows.add(new OutboxRow(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), types, files));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private OutboxRow onlyMail(String to, String subjectStart) {
        List<OutboxRow> found = mails(to, subjectStart);
        assertEquals(1, found.size(), "mails to " + to + " starting " + subjectStart);
        return found.get(0);
    }

    /** The one event of the mail's only attachment, webinar.ics, after checking the file's name, type and method. */
    private static VEvent calendarEvent(OutboxRow mail, String method) throws Exception {
        assertEquals(1, mail.files().size(), mail.subject());
        assertEquals("webinar.ics", mail.attachmentTypes().get(0)[0]);
        assertEquals("text/calendar; charset=UTF-8; method=" + method, mail.attachmentTypes().get(0)[1]);
        Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(mail.files().get(0)));
        assertEquals(method, calendar.getProperty(Property.METHOD).orElseThrow().getValue());
        return (VEvent) calendar.getComponent(Component.VEVENT).orElseThrow();
    }

    private long register(String who, Map<Long, ? extends Set<SharedField>> shares) {
        long member = members(who.substring(0, 1).toUpperCase() + who.substring(1) + " Person " + id, who);
        events.register(member, webinar.id(), new RegistrationForm(null, "Org of " + who, Map.copyOf(shares)));
        return member;
    }

    private long member(String who) {
        return members(who + " " + id, who);
    }

    private long members(String realName, String who) {
        return new TestMembers(dataSource, policies).create(who + id, realName, who + "." + id + "@example.org",
                OffsetDateTime.now(ZoneOffset.UTC).minusDays(30), true);
    }

    /** The rows as a sponsor sees them: email, name, job title, organization, "-" for a field not shared. */
    private static List<List<String>> cells(AttendeeList list) {
        return list.rows().stream().map(r -> List.of(dash(r.email()), dash(r.name()), dash(r.jobTitle()), dash(r.organization()))).toList();
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }

    private List<String> ledger(long member, long sponsor) {
        return ledger(member, sponsor, webinar.id());
    }

    private List<String> ledger(long member, long sponsor, long webinarId) {
        List<String> fields = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select fields from ledger_entry where member_id = ? and recipient_key = ? order by id")) {
            s.setLong(1, member);
            s.setString(2, SponsorSharing.subjectKey(sponsor, webinarId));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    fields.add(r.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return fields;
    }

    private long sponsor(String name) {
        execute("insert into sponsor (name, description, created_at) values (?, 'A sponsor', ?)", name, now());
        return count("select id from sponsor where name = ?", name);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private void execute(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
