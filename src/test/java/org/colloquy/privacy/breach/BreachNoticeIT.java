package org.colloquy.privacy.breach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;

import org.colloquy.account.StaffAction;
import org.colloquy.account.StaffLog;
import org.colloquy.platform.persistence.DatabaseMigrator;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.policy.PolicyService;
import org.colloquy.privacy.PrivacyTestSupport;
import org.colloquy.test.Deployments;
import org.colloquy.test.TestMembers;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * P-BREACH-1 inside the container: a breach notice reaches exactly the affected members (for a
 * recipient's breach, those the disclosure ledger shows went to that recipient; otherwise every member
 * with a verified address), each once, whatever their state, with the sending recorded per member; the
 * public banner shows until its day and not after; and nobody but a privacy officer or administrator
 * records or sends one.
 */
@ExtendWith(ArquillianExtension.class)
class BreachNoticeIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.portal().addClasses(TestMembers.class, PrivacyTestSupport.class);
    }

    @Resource(lookup = DatabaseMigrator.DATA_SOURCE)
    DataSource dataSource;

    @ArquillianResource
    URL base;

    @Inject
    BreachDesk desk;

    @Inject
    BreachNotices notices;

    @Inject
    PrivacyTestSupport privacy;

    @Inject
    PolicyService policies;

    @Inject
    StaffLog staffLog;

    /**
     * P-BREACH-1: a sponsor's breach mails every member whose data went to that sponsor, once, telling
     * each which of their fields it held (a deactivated member too); a member whose data went only to
     * another sponsor gets nothing; a member without a verified address is recorded but not mailed.
     */
    @Test
    void aRecipientsBreachReachesExactlyTheMembersDisclosedToIt_P_BREACH_1() throws Exception {
        String a = "sponsor:breach-a-" + unique();
        String b = "sponsor:breach-b-" + unique();
        Member ada = member(true);
        Member bob = member(true);
        Member dave = member(true);
        Member eve = member(true);
        Member fay = member(false);
        Member carol = member(true);
        disclose(ada, a, "Acme Ltd", Set.of("name", "email"));
        disclose(bob, a, "Acme Ltd", Set.of("email"));
        disclose(dave, a, "Acme Ltd", Set.of("email"));
        disclose(dave, b, "Other Corp", Set.of("name"));
        disclose(eve, a, "Acme Ltd", Set.of("email"));
        disclose(fay, a, "Acme Ltd", Set.of("email"));
        disclose(carol, b, "Other Corp", Set.of("name", "email"));
        execute("update member set deactivated_at = ? where id = ?", OffsetDateTime.now(ZoneOffset.UTC), eve.id);
        long officer = officer();

        assertTrue(desk.recipients(officer).stream().anyMatch(r -> r.key().equals(a) && r.members() == 5), "the ledger's recipients");
        BreachNotice breach = desk.record(officer, report(BreachScope.RECIPIENT, a, LocalDate.now(ZoneOffset.UTC)));
        assertEquals("Acme Ltd", breach.recipientLabel());
        assertEquals(0, mailsTo(ada.email), "recording sends nothing yet");

        BreachPreview preview = desk.preview(officer, breach.id());
        assertEquals(5, preview.affected());
        assertEquals(ada.username, preview.someUsernames().get(0), "the first affected member, by account");
        assertTrue(preview.sampleBody().contains("Your data that we had passed to Acme Ltd: email, name."), preview.sampleBody());
        assertTrue(preview.sampleBody().contains("Dear " + ada.name), preview.sampleBody());

        BreachNotice sent = desk.send(officer, breach.id());
        assertEquals(5, sent.affectedCount());
        assertEquals(4, sent.mailedCount());
        for (Member member : List.of(ada, bob, dave, eve)) {
            assertEquals(1, mailsTo(member.email), member.username + " is mailed once");
        }
        assertEquals(0, mailsTo(fay.email), "an unverified address may not be the member's");
        assertEquals(0, mailsTo(carol.email), "whose data went only to another sponsor is not affected");
        assertTrue(mailBody(ada.email).contains("Acme Ltd: email, name."));
        assertTrue(mailBody(dave.email).contains("Acme Ltd: email."), "only what went to this sponsor, not to the other");
        assertTrue(mailBody(ada.email).contains("/breach?id=" + breach.id()), "the public notice is linked");

        Map<Long, Boolean> sends = sendsOf(breach.id());
        assertEquals(Map.of(ada.id, true, bob.id, true, dave.id, true, eve.id, true, fay.id, false), sends);

        assertThrows(BreachRefusedException.class, () -> desk.send(officer, breach.id()), "sent once");
        assertEquals(1, mailsTo(ada.email));
        Set<StaffAction.Kind> logged = new HashSet<>();
        staffLog.on("breach " + breach.id()).forEach(entry -> logged.add(entry.kind()));
        assertEquals(Set.of(StaffAction.Kind.RECORD_BREACH, StaffAction.Kind.SEND_BREACH_NOTICE), logged);
    }

    /**
     * P-BREACH-1: a breach of every member mails each member with a verified address once, across
     * more than one sending batch; unverified members are left out.
     */
    @Test
    void anAllMembersBreachMailsEveryVerifiedMemberOnceAcrossBatches_P_BREACH_1() throws Exception {
        for (int i = 0; i < BreachDesk.BATCH + 20; i++) {
            member(true);
        }
        Member unverified = member(false);
        long officer = officer();
        Set<Long> verified = new HashSet<>(ids("select id from member where email_verified_at is not null"));

        BreachNotice breach = desk.record(officer, report(BreachScope.ALL_MEMBERS, null, LocalDate.now(ZoneOffset.UTC)));
        assertEquals(verified.size(), desk.preview(officer, breach.id()).affected());
        BreachNotice sent = desk.send(officer, breach.id());

        assertEquals(verified.size(), sent.affectedCount());
        assertEquals(verified.size(), sent.mailedCount());
        assertEquals(verified, sendsOf(breach.id()).keySet());
        assertFalse(sendsOf(breach.id()).containsKey(unverified.id));
        assertEquals(verified.size(), count("select count(*) from mail_outbox where subject = ? and category = 'ACCOUNT'",
                "Security notice: " + breach.title()), "one ACCOUNT mail per member");
        assertEquals(verified.size(), count("select count(distinct recipient) from mail_outbox where subject = ?",
                "Security notice: " + breach.title()));
    }

    /** P-BREACH-1: the public banner shows a sent notice until the end of its last day, then no more; the home page shows it. */
    @Test
    void theBannerShowsUntilTheSetDayAndNotAfter_P_BREACH_1() throws Exception {
        long officer = officer();
        LocalDate lastDay = LocalDate.now(ZoneOffset.UTC).plusDays(2);
        BreachNotice breach = desk.record(officer, report(BreachScope.ALL_MEMBERS, null, lastDay));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        assertFalse(ids(desk.bannersAt(now)).contains(breach.id()), "not before it is sent");
        assertEquals(404, get("breach?id=" + breach.id()).statusCode(), "no public page before it is sent");

        desk.send(officer, breach.id());
        assertTrue(ids(desk.bannersAt(now)).contains(breach.id()));
        OffsetDateTime lastMoment = lastDay.atTime(23, 59, 59).atOffset(ZoneOffset.UTC);
        assertTrue(ids(desk.bannersAt(lastMoment)).contains(breach.id()), "through the last day");
        assertFalse(ids(desk.bannersAt(lastMoment.plusSeconds(1))).contains(breach.id()), "and not after it");

        HttpResponse<String> home = get("");
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("id=\"breachBanner\""), "the home page carries the banner");
        assertTrue(home.body().contains(breach.title()));
        assertTrue(home.headers().allValues("Set-Cookie").isEmpty(), "without a session for an anonymous visitor");
        HttpResponse<String> notice = get("breach?id=" + breach.id());
        assertEquals(200, notice.statusCode());
        assertTrue(notice.body().contains(breach.whatHappened()));
    }

    /** P-BREACH-1: a member who is no privacy officer cannot record, preview or send a notice, by either door. */
    @Test
    void aMemberCannotRecordOrSendABreachNotice_P_BREACH_1() throws Exception {
        long officer = officer();
        BreachNotice breach = desk.record(officer, report(BreachScope.ALL_MEMBERS, null, LocalDate.now(ZoneOffset.UTC)));
        long member = member(true).id;
        long before = count("select count(*) from breach_notice");

        assertThrows(BreachRefusedException.class, () -> desk.record(member, report(BreachScope.ALL_MEMBERS, null, LocalDate.now(ZoneOffset.UTC))));
        assertThrows(BreachRefusedException.class, () -> desk.preview(member, breach.id()));
        assertThrows(BreachRefusedException.class, () -> desk.send(member, breach.id()));
        assertThrows(BreachRefusedException.class, () -> desk.list(member));
        assertThrows(EJBException.class, () -> notices.record(report(BreachScope.ALL_MEMBERS, null, LocalDate.now(ZoneOffset.UTC))));
        assertThrows(EJBException.class, () -> notices.send(breach.id()));
        assertEquals(before, count("select count(*) from breach_notice"));
        assertEquals(0, count("select count(*) from breach_notice_send where breach_id = ?", breach.id()), "nothing was sent");

        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> desk.record(officer,
                new BreachReport(" ", "x", null, null, "email", "x", "x", "x", BreachScope.RECIPIENT, "sponsor:nobody", null)));
        assertEquals(Set.of("title", "discoveredOn", "bannerUntil", "recipient"), refused.problems().keySet());
    }

    /**
     * P-BREACH-1: a breach scoped to a forum category, a workgroup, a webinar or a join date range
     * reaches exactly the members in that scope, each once (a member who posted only in another
     * category, took part in another group, registered for another webinar or joined on another day
     * gets nothing, nor does a member with no part in it), resolved through the owning contexts'
     * services; an incomplete scope is refused beside its field.
     */
    @Test
    void aScopedBreachReachesExactlyTheMembersInScope_P_BREACH_1() throws Exception {
        long officer = officer();
        Member poster = member(true);
        Member otherPoster = member(true);
        Member bystander = member(true);
        long category = category();
        long otherCategory = category();
        post(category, poster);
        post(category, poster);
        post(otherCategory, otherPoster);

        BreachNotice forum = desk.record(officer, scoped(BreachScope.FORUM_CATEGORY, category, null, null));
        assertTrue(forum.scopeDetail().startsWith("Breach category "), forum.scopeDetail());
        assertEquals(1, desk.preview(officer, forum.id()).affected(), "the preview counts the scope");
        desk.send(officer, forum.id());
        assertEquals(Map.of(poster.id, true), sendsOf(forum.id()));
        assertEquals(1, mailsTo(poster.email), "once, however many posts");
        assertTrue(mailBody(poster.email).contains("You are affected because you posted in the forum category " + forum.scopeDetail() + "."),
                mailBody(poster.email));
        assertEquals(0, mailsTo(otherPoster.email), "a poster in another category is out of scope");
        assertEquals(0, mailsTo(bystander.email), "a member who never posted there is not affected");

        Member participant = member(true);
        Member former = member(true);
        Member elsewhere = member(true);
        long group = workgroup();
        long otherGroup = workgroup();
        participate(group, participant, false);
        participate(group, former, true);
        participate(otherGroup, elsewhere, false);
        BreachNotice wg = desk.record(officer, scoped(BreachScope.WORKGROUP, group, null, null));
        desk.send(officer, wg.id());
        assertEquals(Set.of(participant.id, former.id), sendsOf(wg.id()).keySet(), "former participants' data was there too");

        Member registrant = member(true);
        Member cancelled = member(true);
        Member otherRegistrant = member(true);
        long webinar = webinar();
        long otherWebinar = webinar();
        register(webinar, registrant, false);
        register(webinar, cancelled, true);
        register(otherWebinar, otherRegistrant, false);
        BreachNotice ev = desk.record(officer, scoped(BreachScope.WEBINAR, webinar, null, null));
        desk.send(officer, ev.id());
        assertEquals(Set.of(registrant.id, cancelled.id), sendsOf(ev.id()).keySet());

        LocalDate day = LocalDate.of(1950 + new java.util.Random().nextInt(40), 1 + new java.util.Random().nextInt(12), 10);
        Member joined = member(true, day.atTime(12, 0).atOffset(ZoneOffset.UTC));
        Member joinedLate = member(false, day.plusDays(2).atTime(23, 0).atOffset(ZoneOffset.UTC));
        Member joinedAfter = member(true, day.plusDays(3).atTime(0, 30).atOffset(ZoneOffset.UTC));
        BreachNotice range = desk.record(officer, scoped(BreachScope.JOINED_BETWEEN, null, day, day.plusDays(2)));
        assertEquals(day + " – " + day.plusDays(2), range.scopeDetail());
        Set<Long> inRange = new HashSet<>(ids("select id from member where deleted_at is null and created_at >= timestamp with time zone '"
                + day + " 00:00:00+00' and created_at < timestamp with time zone '" + day.plusDays(3) + " 00:00:00+00'"));
        assertTrue(inRange.containsAll(Set.of(joined.id, joinedLate.id)) && !inRange.contains(joinedAfter.id));
        desk.send(officer, range.id());
        assertEquals(inRange, sendsOf(range.id()).keySet(), "exactly the members who joined in the range");
        assertEquals(false, sendsOf(range.id()).get(joinedLate.id), "an unverified member is recorded, not mailed");
        assertEquals(0, mailsTo(joinedAfter.email));

        InvalidInputException incomplete = assertThrows(InvalidInputException.class,
                () -> desk.record(officer, scoped(BreachScope.WORKGROUP, null, null, null)));
        assertEquals(Map.of("workgroup", "Choose the workgroup whose participants are affected."), incomplete.problems());
        InvalidInputException dates = assertThrows(InvalidInputException.class,
                () -> desk.record(officer, scoped(BreachScope.JOINED_BETWEEN, null, day, day.minusDays(1))));
        assertEquals(Map.of("joinedTo", "The last day must not come before the first."), dates.problems());
        assertEquals(Map.of("category", "Choose the forum category whose posters are affected."), assertThrows(InvalidInputException.class,
                () -> desk.record(officer, scoped(BreachScope.FORUM_CATEGORY, -1L, null, null))).problems());
        assertTrue(desk.scopeChoices(officer, BreachScope.WEBINAR).stream().anyMatch(c -> c.id() == webinar));
    }

    // ------------------------------------------------------------------ helpers

    private record Member(long id, String username, String name, String email) {
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static BreachReport report(BreachScope scope, String recipientKey, LocalDate bannerUntil) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return new BreachReport("Attendee list exposed " + unique(), "The shared folder of the sponsor was public for a day " + unique() + ".",
                today.minusDays(3), today.minusDays(1), "name, email", "The folder was closed and the copies deleted.",
                "Be wary of unexpected mail.", "privacy@colloquy.example", scope, recipientKey, bannerUntil);
    }

    private Member member(boolean verified) {
        return member(verified, OffsetDateTime.now(ZoneOffset.UTC).minusDays(30));
    }

    private Member member(boolean verified, OffsetDateTime joined) {
        String username = "br" + unique();
        String name = "Breach " + username;
        String email = username + "@example.org";
        long id = new TestMembers(dataSource, policies).create(username, name, email, joined, verified);
        return new Member(id, username, name, email);
    }

    private static BreachReport scoped(BreachScope scope, Long target, LocalDate from, LocalDate to) {
        BreachReport r = report(scope, null, LocalDate.now(ZoneOffset.UTC));
        return new BreachReport(r.title(), r.whatHappened(), r.occurredOn(), r.discoveredOn(), r.dataConcerned(), r.measures(),
                r.memberAdvice(), r.contact(), scope, null, r.bannerUntil(), target, from, to);
    }

    private long category() throws SQLException {
        String slug = "bc-" + unique();
        execute("insert into forum_category (name, slug, description, visibility, position, created_at) values (?, ?, 'd', 'MEMBERS', 90, ?)",
                "Breach category " + slug, slug, OffsetDateTime.now(ZoneOffset.UTC));
        return ids("select id from forum_category where slug = '" + slug + "'").get(0);
    }

    private void post(long category, Member author) throws SQLException {
        String slug = "bt-" + unique();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        execute("insert into forum_topic (category_id, title, slug, author_id, created_at, last_activity_at) values (?, 'Topic', ?, ?, ?, ?)",
                category, slug, author.id, now, now);
        long topic = ids("select id from forum_topic where slug = '" + slug + "'").get(0);
        execute("insert into forum_post (topic_id, post_number, author_id, body_markdown, body_html, created_at) values (?, 1, ?, 'x', 'x', ?)",
                topic, author.id, now);
    }

    private long workgroup() throws SQLException {
        String name = "Breach group " + unique();
        execute("insert into workgroup (name, description, created_at) values (?, 'd', ?)", name, OffsetDateTime.now(ZoneOffset.UTC));
        return ids("select id from workgroup where name = '" + name + "'").get(0);
    }

    private void participate(long group, Member member, boolean ended) throws SQLException {
        long consent = privacy.giveSponsorConsent(member.email, "sponsor:wg-" + unique(), "Group", Set.of("name"));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        execute("insert into workgroup_participation (workgroup_id, member_id, consent_id, joined_at) values (?, ?, ?, ?)",
                group, member.id, consent, now.minusDays(10));
        if (ended) {
            execute("update workgroup_participation set ended_at = ?, end_kind = 'LEFT' where member_id = ?", now, member.id);
        }
    }

    private long webinar() throws SQLException {
        String title = "Breach webinar " + unique();
        execute("insert into webinar (title, description, starts_at, ends_at, time_zone, created_at) values (?, 'd', ?, ?, 'UTC', ?)", title,
                OffsetDateTime.now(ZoneOffset.UTC).plusDays(5), OffsetDateTime.now(ZoneOffset.UTC).plusDays(5).plusHours(1), OffsetDateTime.now(ZoneOffset.UTC));
        return ids("select id from webinar where title = '" + title + "'").get(0);
    }

    private void register(long webinar, Member member, boolean cancelled) throws SQLException {
        execute("insert into webinar_registration (webinar_id, member_id, registered_at) values (?, ?, ?)",
                webinar, member.id, OffsetDateTime.now(ZoneOffset.UTC));
        if (cancelled) {
            execute("update webinar_registration set cancelled_at = ? where member_id = ?", OffsetDateTime.now(ZoneOffset.UTC), member.id);
        }
    }

    private long officer() throws SQLException {
        long id = member(true).id;
        execute("insert into member_role (member_id, role) values (?, 'PRIVACY_OFFICER')", id);
        return id;
    }

    private void disclose(Member member, String key, String label, Set<String> fields) {
        long consent = privacy.giveSponsorConsent(member.email, key, label, fields);
        privacy.discloseToSponsor(member.email, key, label, fields, "Attendee list", consent);
    }

    private static List<Long> ids(List<BreachNotice> notices) {
        return notices.stream().map(BreachNotice::id).toList();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.toURI().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private long mailsTo(String email) throws SQLException {
        return count("select count(*) from mail_outbox where recipient = ? and subject like 'Security notice: %' and category = 'ACCOUNT'", email);
    }

    private String mailBody(String email) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select body_text from mail_outbox where recipient = ? and subject like 'Security notice: %'")) {
            s.setString(1, email);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next(), "a mail to " + email);
                return r.getString(1);
            }
        }
    }

    private Map<Long, Boolean> sendsOf(long breachId) throws SQLException {
        Map<Long, Boolean> sends = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select member_id, mailed from breach_notice_send where breach_id = ?")) {
            s.setLong(1, breachId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    assertTrue(sends.put(r.getLong(1), r.getBoolean(2)) == null);
                }
            }
        }
        return sends;
    }

    private List<Long> ids(String sql) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                ids.add(r.getLong(1));
            }
        }
        return ids;
    }

    private long count(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private void execute(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }
}
