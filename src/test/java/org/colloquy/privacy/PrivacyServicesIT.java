package org.colloquy.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.EJBTransactionRequiredException;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;

import org.colloquy.account.AccountService;
import org.colloquy.account.AgeBand;
import org.colloquy.account.MemberSessions;
import org.colloquy.account.Registration;
import org.colloquy.forum.SqlStatementCounter;
import org.colloquy.platform.i18n.Dates;
import org.colloquy.platform.persistence.DatabaseMigrator;
import org.colloquy.policy.PolicyKind;
import org.colloquy.policy.PolicyService;
import org.colloquy.policy.PolicyVersion;
import org.colloquy.test.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The privacy context inside the container, on the real database: consent records that are never
 * rewritten (P-CONSENT-1), and the disclosure service, which discloses nothing without a live basis,
 * leaves no partial trace when it refuses, commits or rolls back with the feature that discloses,
 * and cannot miss a withdrawal that is being committed at the same moment.
 */
@ExtendWith(ArquillianExtension.class)
class PrivacyServicesIT {

    private static final String NOTICE = "Share my name and email with Acme Learning, the sponsor of this webinar.";

    @Deployment
    static WebArchive deployment() {
        return Deployments.portal().addClasses(SponsorListSender.class, LedgerTestServlet.class, SqlStatementCounter.class);
    }

    @Resource(lookup = DatabaseMigrator.DATA_SOURCE)
    DataSource dataSource;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @ArquillianResource
    URL base;

    @Inject
    AccountService accounts;

    @Inject
    MemberSessions sessions;

    @Inject
    ConsentService consents;

    @Inject
    PolicyService policies;

    @Inject
    DisclosureService disclosures;

    @Inject
    SponsorListSender feature;

    @PersistenceUnit
    EntityManagerFactory emf;

    // ------------------------------------------------------------------ consent records

    /**
     * P-CONSENT-1: a consent is a record with its notice version and text, time and place; withdrawal
     * is added beside it and leaves it as it was; giving again makes a new record; the history has both.
     */
    @Test
    void consentRecordsAreNeverRewritten_P_CONSENT_1() {
        long member = newMember();
        String sponsor = sponsorKey();
        OffsetDateTime before = OffsetDateTime.now().minusSeconds(5);
        Consent given = consents.give(member, sponsorConsent(sponsor, "name", "email"));

        Map<String, String> row = row("select * from consent where id = ?", given.id());
        assertEquals("SPONSOR_SHARING", row.get("purpose"));
        assertEquals(sponsor, row.get("subject_key"));
        assertEquals("name,email", row.get("fields"));
        assertEquals("event-notice/3", row.get("notice_version"));
        assertEquals(NOTICE, row.get("notice_text"));
        assertEquals("Webinar registration form", row.get("given_via"));
        assertTrue(given.givenAt().isAfter(before), "given now: " + given.givenAt());
        assertEquals(0, count("select count(*) from consent_withdrawal where consent_id = ?", given.id()));
        assertEquals(given.id(), consents.live(member, ConsentPurpose.SPONSOR_SHARING, sponsor).orElseThrow().id());
        assertEquals(given.id(), consents.give(member, sponsorConsent(sponsor, "name", "email")).id(),
                "giving the same consent again while it is live adds nothing");

        consents.withdraw(member, given.id(), "Privacy centre");
        assertEquals(row, row("select * from consent where id = ?", given.id()), "the record itself is unchanged");
        assertEquals("Privacy centre", row("select * from consent_withdrawal where consent_id = ?", given.id()).get("withdrawn_via"));
        assertFalse(consents.isLive(given.id()));
        assertTrue(consents.live(member, ConsentPurpose.SPONSOR_SHARING, sponsor).isEmpty());

        Consent again = consents.give(member, sponsorConsent(sponsor, "name", "email"));
        assertNotEquals(given.id(), again.id(), "giving again makes a new record");
        assertEquals(again.id(), consents.live(member, ConsentPurpose.SPONSOR_SHARING, sponsor).orElseThrow().id());
        // The history also holds the privacy policy accepted on joining, when one is published.
        List<Consent> history = consents.history(member).stream()
                .filter(c -> c.purpose() == ConsentPurpose.SPONSOR_SHARING).toList();
        assertEquals(List.of(again.id(), given.id()), history.stream().map(Consent::id).toList(), "newest first");
        assertTrue(history.get(0).isLive());
        assertFalse(history.get(1).isLive());
        assertEquals("Privacy centre", history.get(1).withdrawnVia());
    }

    // ------------------------------------------------------------------ disclosure

    /** P-CONSENT-1, P-SPONSOR-3: a disclosure allowed a moment ago is refused once the consent is withdrawn. */
    @Test
    void withdrawalStopsADisclosureAllowedAMomentBefore_P_CONSENT_1() {
        long member = newMember();
        Recipient sponsor = sponsor();
        Consent consent = consents.give(member, sponsorConsent(sponsor.key(), "name", "email"));
        Disclosure list = Disclosure.of(sponsor, fields("name", "email"), "Attendee list of Webinar X", member, Basis.consent(consent.id()));

        assertEquals(Map.of(member, Basis.consent(consent.id())),
                disclosures.consentedBases(sponsor, fields("email"), List.of(member, newMember())));
        List<LedgerEntry> written = feature.disclose(list);
        assertEquals(1, written.size());
        assertEquals(1, ledgerCount(sponsor.key()));

        consents.withdraw(member, consent.id(), "Privacy centre");
        assertEquals(Map.of(), disclosures.consentedBases(sponsor, fields("email"), List.of(member)));
        DisclosureRefusedException refused = assertThrows(DisclosureRefusedException.class, () -> feature.disclose(list));
        assertEquals(Map.of(member, RefusalReason.WITHDRAWN), refused.reasons());
        assertEquals(1, ledgerCount(sponsor.key()), "the earlier disclosure stays on record, no new one");
    }

    /**
     * A disclosure to several members where one basis is not live is refused as a whole and leaves
     * no ledger entry for anyone, whatever is wrong with that one basis.
     */
    @Test
    void aDisclosureWithoutALiveBasisForEveryMemberIsRefusedAndLeavesNoTrace() {
        Recipient sponsor = sponsor();
        long good = newMember();
        Consent goodConsent = consents.give(good, sponsorConsent(sponsor.key(), "name", "email"));
        long bad = newMember();

        Consent withdrawn = consents.give(bad, sponsorConsent(sponsor.key(), "name", "email"));
        consents.withdraw(bad, withdrawn.id(), "Privacy centre");
        long other = newMember();
        Consent othersConsent = consents.give(other, sponsorConsent(sponsor.key(), "name", "email"));
        Consent forAnotherSponsor = consents.give(bad, sponsorConsent(sponsorKey(), "name", "email"));
        Consent nameOnly = consents.give(bad, sponsorConsent(sponsor.key(), "name"));
        Consent marketing = consents.give(bad, ConsentRequest.of(ConsentPurpose.MARKETING_EMAIL, "marketing/1", "Send me news.", "Settings"));

        Map<Basis, RefusalReason> cases = new LinkedHashMap<>();
        cases.put(Basis.consent(withdrawn.id()), RefusalReason.WITHDRAWN);
        cases.put(Basis.consent(othersConsent.id()), RefusalReason.NOT_THE_MEMBERS_CONSENT);
        cases.put(Basis.consent(forAnotherSponsor.id()), RefusalReason.OTHER_RECIPIENT);
        cases.put(Basis.consent(nameOnly.id()), RefusalReason.FIELDS_NOT_COVERED);
        cases.put(Basis.consent(marketing.id()), RefusalReason.NOT_A_SHARING_CONSENT);
        cases.put(Basis.consent(Long.MAX_VALUE - 7), RefusalReason.NO_SUCH_CONSENT);
        cases.put(Basis.clause(PolicyClause.DOCUMENT_RELEASE), RefusalReason.CLAUSE_NOT_FOR_RECIPIENT);

        cases.forEach((basis, reason) -> {
            Map<Long, Basis> bases = new LinkedHashMap<>();
            bases.put(good, Basis.consent(goodConsent.id()));
            bases.put(bad, basis);
            Disclosure disclosure = new Disclosure(sponsor, fields("name", "email"), "Attendee list", bases);
            DisclosureRefusedException refused = assertThrows(DisclosureRefusedException.class, () -> feature.disclose(disclosure));
            assertEquals(Set.of(bad), refused.refusedMemberIds(), basis.toString());
            assertEquals(reason, refused.reasons().get(bad), basis.toString());
            assertTrue(refused.getMessage().contains("member " + bad + ":"), refused.getMessage());
            assertTrue(refused.getMessage().startsWith("Nothing was disclosed to " + sponsor.label()), refused.getMessage());
        });
        assertEquals(0, ledgerCount(sponsor.key()), "no entry for the member whose basis was live either");
        assertEquals(0, count("select count(*) from ledger_entry where member_id = ?", good));
    }

    /**
     * The ledger commits or rolls back with the feature's own write: a feature that fails after
     * disclosing leaves neither its mail nor the ledger entry; a refused disclosure takes the
     * feature's mail with it; a feature that succeeds leaves both.
     */
    @Test
    void theLedgerAndTheDisclosureCommitOrRollBackTogether() {
        long member = newMember();
        Recipient sponsor = sponsor();
        Consent consent = consents.give(member, sponsorConsent(sponsor.key(), "name", "email"));
        Disclosure list = Disclosure.of(sponsor, fields("name", "email"), "Attendee list", member, Basis.consent(consent.id()));
        String to = "sponsor-" + id() + "@example.org";

        assertThrows(EJBException.class, () -> feature.send(list, to, "Failing export", true));
        assertEquals(0, mailCount(to));
        assertEquals(0, ledgerCount(sponsor.key()));

        Disclosure unfounded = Disclosure.of(sponsor, fields("name", "email", "job_title"), "Attendee list", member,
                Basis.consent(consent.id()));
        assertThrows(DisclosureRefusedException.class, () -> feature.send(unfounded, to, "Refused export", false));
        assertEquals(0, mailCount(to), "the feature's own write is rolled back with the refusal");
        assertEquals(0, ledgerCount(sponsor.key()));

        feature.send(list, to, "Attendee list", false);
        assertEquals(1, mailCount(to));
        assertEquals(1, ledgerCount(sponsor.key()));
    }

    /** Outside a transaction there is nothing to commit the ledger with, so the service refuses to start. */
    @Test
    void discloseOnlyRunsInTheCallersTransaction() {
        long member = newMember();
        Recipient sponsor = sponsor();
        Consent consent = consents.give(member, sponsorConsent(sponsor.key(), "name"));
        assertThrows(EJBTransactionRequiredException.class, () -> disclosures.disclose(
                Disclosure.of(sponsor, fields("name"), "Attendee list", member, Basis.consent(consent.id()))));
        assertEquals(0, ledgerCount(sponsor.key()));
    }

    /**
     * A withdrawal in flight (written, not yet committed) holds the consent row; a disclosure on that
     * consent waits for it and then sees it, instead of reading the consent as still live.
     */
    @Test
    void aDisclosureWaitsForAWithdrawalInFlightAndIsRefused_P_CONSENT_1() throws Exception {
        long member = newMember();
        Recipient sponsor = sponsor();
        Consent consent = consents.give(member, sponsorConsent(sponsor.key(), "email"));
        Disclosure list = Disclosure.of(sponsor, fields("email"), "Attendee list", member, Basis.consent(consent.id()));

        CountDownLatch withdrawn = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> withdrawal = executor.submit(() -> {
            feature.withdrawAndHold(member, consent.id(), withdrawn, release);
            return null;
        });
        try {
            assertTrue(withdrawn.await(30, TimeUnit.SECONDS), "the withdrawal started");
            Future<List<LedgerEntry>> disclosure = executor.submit(() -> feature.disclose(list));
            assertThrows(TimeoutException.class, () -> disclosure.get(2, TimeUnit.SECONDS),
                    "the disclosure waits while the withdrawal holds the consent");
            release.countDown();
            withdrawal.get(30, TimeUnit.SECONDS);
            ExecutionException failed = assertThrows(ExecutionException.class, () -> disclosure.get(30, TimeUnit.SECONDS));
            assertTrue(failed.getCause() instanceof DisclosureRefusedException, String.valueOf(failed.getCause()));
            assertEquals(Map.of(member, RefusalReason.WITHDRAWN), ((DisclosureRefusedException) failed.getCause()).reasons());
        } finally {
            release.countDown();
        }
        assertEquals(0, ledgerCount(sponsor.key()));
    }

    /** A policy clause needs no consent, but covers only its kinds of recipient and its fields (P-RELEASE-1). */
    @Test
    void aPolicyClauseIsABasisWithoutConsentWithinItsScope_P_RELEASE_1() {
        long member = newMember();
        Recipient everyone = new Recipient(RecipientKind.PUBLIC, "public:document:" + id(), "Everyone (released document: Spec 1.0)");
        List<LedgerEntry> written = feature.disclose(Disclosure.of(everyone, fields("name", "email", "organization"),
                "Participant list of the released document Spec 1.0", member, Basis.clause(PolicyClause.DOCUMENT_RELEASE)));
        assertEquals(PolicyClause.DOCUMENT_RELEASE, written.get(0).clause());
        assertNull(written.get(0).consentId());
        Map<String, String> row = row("select * from ledger_entry where id = ?", written.get(0).id());
        assertEquals("DOCUMENT_RELEASE", row.get("policy_clause"));
        assertNull(row.get("consent_id"));
        assertEquals("name,email,organization", row.get("fields"));

        DisclosureRefusedException tooMuch = assertThrows(DisclosureRefusedException.class, () -> feature.disclose(
                Disclosure.of(everyone, fields("name", "job_title"), "Participant list", member, Basis.clause(PolicyClause.DOCUMENT_RELEASE))));
        assertEquals(RefusalReason.CLAUSE_NOT_FOR_FIELDS, tooMuch.reasons().get(member));
        assertEquals(1, ledgerCount(everyone.key()));
    }

    /** The member's ledger is paged newest first, each entry with its recipient, purpose and basis in words. */
    @Test
    void aMembersLedgerIsPagedNewestFirst() {
        long member = newMember();
        Recipient sponsor = sponsor();
        Consent consent = consents.give(member, sponsorConsent(sponsor.key(), "name", "email"));
        for (int i = 1; i <= 5; i++) {
            feature.disclose(Disclosure.of(sponsor, fields("email"), "Export " + i, member, Basis.consent(consent.id())));
        }
        LedgerPage first = disclosures.forMember(member, 0, 2);
        assertEquals(5, first.total());
        assertEquals(3, first.pages());
        assertTrue(first.hasNext());
        assertFalse(first.hasPrevious());
        assertEquals(List.of("Export 5", "Export 4"), first.entries().stream().map(LedgerEntryView::purpose).toList());
        LedgerEntryView newest = first.entries().get(0);
        assertEquals(sponsor.label(), newest.recipientLabel());
        assertEquals(RecipientKind.SPONSOR, newest.kind());
        assertEquals(fields("email"), newest.fields());
        assertEquals(consent.id(), newest.consentId());
        assertEquals("Your consent of " + new Dates().date(consent.givenAt()) + " (no. " + consent.id() + "), given via Webinar registration form",
                newest.basisDescription());

        LedgerPage last = disclosures.forMember(member, 2, 2);
        assertEquals(List.of("Export 1"), last.entries().stream().map(LedgerEntryView::purpose).toList());
        assertFalse(last.hasNext());
        assertEquals(0, disclosures.forMember(newMember(), 0, 10).total());
    }

    /**
     * For a recipient, the ledger lists every member disclosed to it (what a breach notice needs,
     * P-BREACH-1), for a privacy officer only; a plain member is refused; and a member sees their own
     * ledger through {@code ledgerOfCaller} and nobody else's.
     */
    @Test
    void forRecipientListsEveryoneForAPrivacyOfficerOnlyAndEachMemberSeesTheirOwnLedger() throws Exception {
        Recipient sponsor = sponsor();
        long ada = newMember();
        long bob = newMember();
        Consent adas = consents.give(ada, sponsorConsent(sponsor.key(), "name", "email"));
        Consent bobs = consents.give(bob, sponsorConsent(sponsor.key(), "name", "email"));
        Map<Long, Basis> bases = new LinkedHashMap<>();
        bases.put(ada, Basis.consent(adas.id()));
        bases.put(bob, Basis.consent(bobs.id()));
        feature.disclose(new Disclosure(sponsor, fields("name", "email"), "Attendee list of Webinar X", bases));

        long officer = newMember();
        execute("insert into member_role (member_id, role) values (?, 'PRIVACY_OFFICER')", officer);
        HttpResponse<String> listed = get(signedIn(officer), "recipient=" + sponsor.key());
        assertEquals(200, listed.statusCode(), listed.body());
        assertEquals(Set.of(ada + " name,email", bob + " name,email"), Set.copyOf(listed.body().lines().toList()));

        String adaSession = signedIn(ada);
        assertEquals(403, get(adaSession, "recipient=" + sponsor.key()).statusCode(), "a plain member may not list a recipient");
        assertEquals(403, get(null, "recipient=" + sponsor.key()).statusCode(), "nor may a visitor");

        HttpResponse<String> own = get(adaSession, "page=0");
        assertEquals(List.of("page 0 of 1, total 1, next false",
                        sponsor.label() + " | Attendee list of Webinar X | Your consent of " + new Dates().date(adas.givenAt())
                                + " (no. " + adas.id() + "), given via Webinar registration form"),
                own.body().lines().toList());
        assertTrue(get(signedIn(officer), "page=0").body().startsWith("page 0 of 0, total 0"), "the officer's own ledger is empty");
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Issue 9: a disclosure of 300 members costs as many statements as one of two (at most four: lock
     * the consent rows, read their withdrawals, insert the entries), each entry comes back with the id it has in
     * the ledger, and one withdrawn consent among the 300 still refuses the whole disclosure.
     */
    @Test
    void aDisclosureOfManyMembersCostsAFixedNumberOfStatements() throws SQLException {
        Recipient sponsor = sponsor();
        Map<Long, Basis> many = consentingMembers(sponsor.key(), 300);
        Map<Long, Basis> two = consentingMembers(sponsor.key(), 2);
        List<List<LedgerEntry>> written = new java.util.ArrayList<>();
        int forTwo;
        int forMany;
        try (SqlStatementCounter counter = SqlStatementCounter.start(emf)) {
            forTwo = counter.count(() -> written.add(feature.disclose(new Disclosure(sponsor, fields("email"), "Two", two))));
            forMany = counter.count(() -> written.add(feature.disclose(new Disclosure(sponsor, fields("email"), "Many", many))));
        }
        // Lock the consents (and fetch their withdrawal relation), read the withdrawals, insert the entries.
        assertTrue(forTwo <= 4, "lock, withdrawal relation, withdrawals, insert: " + forTwo);
        assertEquals(forTwo, forMany, "300 members cost what 2 do");
        assertEquals(302, ledgerCount(sponsor.key()));
        List<LedgerEntry> entries = written.get(1);
        assertEquals(List.copyOf(many.keySet()), entries.stream().map(LedgerEntry::memberId).toList(), "in the disclosure's order");
        for (LedgerEntry entry : List.of(entries.get(0), entries.get(150), entries.get(299))) {
            Map<String, String> row = row("select * from ledger_entry where id = ?", entry.id());
            assertEquals(String.valueOf(entry.memberId()), row.get("member_id"));
            assertEquals(String.valueOf(entry.consentId()), row.get("consent_id"));
            assertEquals("Many", row.get("purpose"));
        }

        long withdrawing = List.copyOf(many.keySet()).get(200);
        consents.withdraw(withdrawing, ((Basis.Consented) many.get(withdrawing)).consentId(), "Privacy centre");
        DisclosureRefusedException refused = assertThrows(DisclosureRefusedException.class,
                () -> feature.disclose(new Disclosure(sponsor, fields("email"), "Many again", many)));
        assertEquals(Map.of(withdrawing, RefusalReason.WITHDRAWN), refused.reasons());
        assertEquals(302, ledgerCount(sponsor.key()), "nothing written for the other 299");
    }

    /** Members and their live consents to share name and email with this sponsor, written by SQL for speed. */
    private Map<Long, Basis> consentingMembers(String sponsorKey, int n) throws SQLException {
        Map<Long, Basis> bases = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement member = c.prepareStatement("insert into member (name, username, username_key, email, email_key,"
                        + " password_hash, created_at, age_confirmed_at, email_verified_at)"
                        + " values ('Batch Person', ?, ?, ?, ?, 'x', current_timestamp, current_timestamp, current_timestamp)",
                        new String[] {"id"});
                PreparedStatement consent = c.prepareStatement("insert into consent (member_id, purpose, subject_key, subject_label,"
                        + " fields, notice_version, notice_text, given_at, given_via) values (?, 'SPONSOR_SHARING', ?, 'Acme Learning',"
                        + " 'name,email', 'event-notice/3', ?, current_timestamp, 'Webinar registration form')", new String[] {"id"})) {
            for (int i = 0; i < n; i++) {
                String id = "b" + id();
                member.setString(1, id);
                member.setString(2, id);
                member.setString(3, id + "@example.org");
                member.setString(4, id + "@example.org");
                member.executeUpdate();
                long memberId;
                try (ResultSet keys = member.getGeneratedKeys()) {
                    keys.next();
                    memberId = keys.getLong(1);
                }
                consent.setLong(1, memberId);
                consent.setString(2, sponsorKey);
                consent.setString(3, NOTICE);
                consent.executeUpdate();
                try (ResultSet keys = consent.getGeneratedKeys()) {
                    keys.next();
                    bases.put(memberId, Basis.consent(keys.getLong(1)));
                }
            }
        }
        return bases;
    }

    private static ConsentRequest sponsorConsent(String sponsorKey, String... fields) {
        return ConsentRequest.of(ConsentPurpose.SPONSOR_SHARING, "event-notice/3", NOTICE, "Webinar registration form")
                .about(sponsorKey, "Acme Learning (sponsor of Webinar X)")
                .forFields(fields(fields));
    }

    private static String sponsorKey() {
        return "sponsor:" + id();
    }

    private static Recipient sponsor() {
        return new Recipient(RecipientKind.SPONSOR, sponsorKey(), "Acme Learning (sponsor of Webinar X)");
    }

    private long newMember() {
        String id = id();
        // Joining accepts the privacy policy in effect: on a database shared with other tests, one may be published.
        Integer privacyPolicy = policies.current(PolicyKind.PRIVACY_POLICY).map(PolicyVersion::number).orElse(null);
        accounts.register(new Registration("Test Person", "p" + id, id + "@example.org",
                "violet harbor lantern copper".toCharArray(), "FR", AgeBand.SIXTEEN_OR_OLDER, privacyPolicy), address());
        return count("select id from member where username_key = ?", "p" + id);
    }

    /** Signs an HTTP session in as this member; returns its cookie. */
    private String signedIn(long member) throws Exception {
        String memberSession = sessions.open(member, "Test", "127.0.0.1");
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(base.toURI().resolve("test/ledger?signIn=" + memberSession)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }

    private HttpResponse<String> get(String cookie, String query) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.toURI().resolve("test/ledger?" + query)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String id() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static String address() {
        return "10.201." + (int) (Math.random() * 250) + "." + (1 + (int) (Math.random() * 250));
    }

    private long ledgerCount(String recipientKey) {
        return count("select count(*) from ledger_entry where recipient_key = ?", recipientKey);
    }

    private long mailCount(String recipient) {
        return count("select count(*) from mail_outbox where recipient = ?", recipient);
    }

    private long count(String sql, Object parameter) {
        return Long.parseLong(row(sql, parameter).values().iterator().next());
    }

    /** The first row of a query, column name to value as text (null stays null). */
    private Map<String, String> row(String sql, Object parameter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, parameter);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next(), "no row for " + sql + " with " + parameter);
                ResultSetMetaData meta = r.getMetaData();
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), r.getString(i));
                }
                return row;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void execute(String sql, Object parameter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, parameter);
            assertEquals(1, s.executeUpdate());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Field names in the order given, as a form would list them. */
    private static Set<String> fields(String... names) {
        return new java.util.LinkedHashSet<>(List.of(names));
    }
}
