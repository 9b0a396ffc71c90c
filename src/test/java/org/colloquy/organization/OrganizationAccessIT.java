package org.colloquy.organization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;

import org.colloquy.account.TokenPurpose;
import org.colloquy.organization.OrganizationViews.AccessView;
import org.colloquy.organization.OrganizationViews.MemberUse;
import org.colloquy.platform.persistence.DatabaseMigrator;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.policy.PolicyService;
import org.colloquy.test.Deployments;
import org.colloquy.test.TestDatabase;
import org.colloquy.test.TestMembers;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Organization access inside the container, on the real database (P-CORP-1): an organization claims
 * its domain by a mailed link, public providers are refused, the members at the domain are told
 * what the organization will see and from when, nobody is shown before the notice period ends,
 * afterwards each view shows them with email and past use and writes a ledger entry for each, and
 * only the organization's own administrator reads the view.
 */
@ExtendWith(ArquillianExtension.class)
class OrganizationAccessIT {

    private static final Pattern TOKEN = Pattern.compile("/organization-confirm\\?token=([A-Za-z0-9_-]+)");

    @Deployment
    static WebArchive deployment() {
        return Deployments.portal().addClasses(TestMembers.class, TestDatabase.class);
    }

    @Resource(lookup = DatabaseMigrator.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    TestDatabase db;

    @Inject
    OrganizationDesk desk;

    @Inject
    OrganizationService service;

    @Inject
    OrganizationSettings settings;

    @Inject
    PolicyService policies;

    @Inject
    org.colloquy.organization.export.OrganizationNoticesSection noticesSection;

    @Inject
    org.colloquy.account.AccountTokens accountTokens;

    @Inject
    org.colloquy.account.AccountService accounts;

    @Inject
    org.colloquy.account.AccountSettingsService accountSettings;

    @Resource(lookup = "java:comp/UserTransaction")
    jakarta.transaction.UserTransaction transaction;

    /** P-CORP-1: the link mailed to an address at the domain verifies the claim, once. */
    @Test
    void aClaimIsVerifiedByTheMailedLink_P_CORP_1() {
        long admin = administrator();
        long orgAdmin = member("orgadm", "example.net");
        String domain = domain();
        Organization org = desk.register(admin, "Org " + id(), username(orgAdmin));

        OrganizationDomain claim = desk.claimByMail(orgAdmin, org.id(), "it@" + domain.toUpperCase(), now());
        assertFalse(claim.isVerified());
        assertEquals(domain, claim.domain(), "the domain is kept in lower case");
        String token = token(db.mailsTo("it@" + domain.toUpperCase()).get(0));
        assertTrue(desk.isLinkUsable(token, now()));
        assertFalse(desk.isLinkUsable(token, now().plusDays(3)), "the link expires");

        assertEquals(domain, desk.confirm(token, now()).orElseThrow().domain());
        assertTrue(desk.confirm(token, now()).isEmpty(), "a link is used once");
        assertTrue(desk.confirm("not-a-token", now()).isEmpty());
        assertTrue(desk.ownLine(orgAdmin, org.id()).domains().get(0).isVerified());

        long otherAdmin = member("other", "example.net");
        Organization other = desk.register(admin, "Other " + id(), username(otherAdmin));
        InvalidInputException taken = assertThrows(InvalidInputException.class,
                () -> desk.claimByMail(otherAdmin, other.id(), "hr@" + domain, now()));
        assertEquals(domain + " is already claimed by an organization.", taken.problems().get("address"));
    }

    /** P-CORP-1: a free-mail domain belongs to no organization, and nothing is mailed. */
    @Test
    void aFreeMailDomainIsRefused_P_CORP_1() {
        long admin = administrator();
        long orgAdmin = member("free", "example.net");
        Organization org = desk.register(admin, "Free " + id(), username(orgAdmin));

        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> desk.claimByMail(orgAdmin, org.id(), "boss@gmail.com", now()));
        assertEquals("Addresses at gmail.com are available to anyone, so no organization can claim that domain."
                + " Use an address at your organization's own domain.", refused.problems().get("address"));
        InvalidInputException direct = assertThrows(InvalidInputException.class,
                () -> desk.verifyDirectly(admin, org.id(), "Outlook.com", "they said so", now()));
        assertTrue(direct.problems().get("domain").startsWith("Addresses at outlook.com are available to anyone"));
        InvalidInputException garbage = assertThrows(InvalidInputException.class,
                () -> desk.claimByMail(orgAdmin, org.id(), "not an address", now()));
        assertEquals("Enter an address at the domain to claim, such as it@example.com.", garbage.problems().get("address"));
        assertTrue(desk.ownLine(orgAdmin, org.id()).domains().isEmpty());
        assertTrue(db.mailsTo("boss@gmail.com").isEmpty());

        // Refusals cost nothing; links that went out do: three a minute per organization.
        String domain = domain();
        for (int i = 0; i < 3; i++) {
            desk.claimByMail(orgAdmin, org.id(), "it@" + domain, now());
        }
        assertThrows(org.colloquy.platform.throttle.TooManyAttemptsException.class,
                () -> desk.claimByMail(orgAdmin, org.id(), "it@" + domain, now()));
        assertEquals(3, db.mailsTo("it@" + domain).size());
    }

    /**
     * P-CORP-1: verifying the claim tells exactly the members at the domain, by account mail, what
     * will be seen and from when; nobody is shown before that date; afterwards every view shows them
     * with email and past use and writes one ledger entry per member shown; a member of another domain
     * never appears.
     */
    @Test
    void membersAreToldFirstAndShownOnlyAfterTheNoticePeriodEachViewInTheirLedger_P_CORP_1() {
        long admin = administrator();
        long orgAdmin = member("boss", "example.net");
        String domain = domain();
        long alice = member("alice", domain);
        long bob = member("bob", domain);
        long outsider = member("carol", "sub." + domain);
        long unverified = new TestMembers(dataSource, policies).create("dave" + id().substring(0, 8), "Dave",
                "dave" + id().substring(0, 6) + "@" + domain, now().minusDays(30), false);
        Organization org = desk.register(admin, "Acme " + id(), username(orgAdmin));
        String webinar = "Webinar " + id();
        db.update("insert into webinar (title, description, starts_at, ends_at, time_zone, created_at) values ('" + webinar
                + "', 'd', current_timestamp, current_timestamp + interval '1' hour, 'UTC', current_timestamp)");
        db.update("insert into webinar_registration (webinar_id, member_id, registered_at) select id, " + alice
                + ", current_timestamp from webinar where title = '" + webinar + "'");

        OffsetDateTime verifiedAt = now();
        String checked = "Checked the DNS record of " + domain;
        desk.verifyDirectly(admin, org.id(), domain, checked, verifiedAt);

        for (long member : List.of(alice, bob)) {
            List<String> mails = db.mailsTo(email(member));
            assertEquals(1, mails.size(), mails.toString());
            assertTrue(mails.get(0).contains(org.name() + " will see your email and past use"), mails.get(0));
            assertTrue(mails.get(0).contains("your email address"), mails.get(0));
            assertTrue(mails.get(0).contains("event registrations"), mails.get(0));
            assertTrue(mails.get(0).contains("change your email address"), mails.get(0));
            assertEquals("ACCOUNT", db.string("select category from mail_outbox where recipient = ?", email(member)));
            assertEquals(1, desk.noticesOf(member, now()).size());
        }
        assertTrue(db.mailsTo(email(outsider)).isEmpty(), "a subdomain is another domain");
        assertTrue(db.mailsTo(email(unverified)).isEmpty(), "an unverified address is nobody's");
        assertTrue(desk.noticesOf(outsider, now()).isEmpty());
        // The member's data export carries the notice too (P-ACCOUNT-3).
        java.io.StringWriter exported = new java.io.StringWriter();
        try (jakarta.json.stream.JsonGenerator json = jakarta.json.Json.createGenerator(exported)) {
            json.writeStartArray();
            assertEquals(1, noticesSection.write(alice, json));
            json.writeEnd();
        }
        assertTrue(exported.toString().contains("\"organization\":\"" + org.name() + "\""), exported.toString());
        assertTrue(exported.toString().contains("\"domain\":\"" + domain + "\""), exported.toString());
        assertEquals(1, db.number("select count(*) from staff_action where action = 'VERIFY_ORGANIZATION_DOMAIN' and reason = ?", checked));

        OffsetDateTime from = verifiedAt.plusDays(settings.noticeDays());
        AccessView before = desk.view(orgAdmin, org.id(), 1, from.minusMinutes(1));
        assertTrue(before.members().isEmpty(), "nobody is shown before the notice period ends");
        assertEquals(2, before.waiting());
        assertEquals(0, ledgerEntries(alice, org) + ledgerEntries(bob, org));

        AccessView after = desk.view(orgAdmin, org.id(), 1, from.plusMinutes(1));
        assertEquals(List.of(alice, bob), after.members().stream().map(MemberUse::memberId).sorted().toList());
        MemberUse shownAlice = after.members().stream().filter(m -> m.memberId() == alice).findFirst().orElseThrow();
        assertEquals(email(alice), shownAlice.email());
        assertEquals(0, shownAlice.postCount());
        assertEquals(List.of(webinar), shownAlice.registrations().stream().map(OrganizationViews.UseLink::label).toList(),
                "past use: the webinars the member registered for");
        assertTrue(shownAlice.registrations().get(0).path().startsWith("/event?id="));
        assertEquals(0, after.waiting());
        assertEquals(1, ledgerEntries(alice, org));
        assertEquals(1, ledgerEntries(bob, org));
        assertEquals("email,posts,event_registrations,workgroups",
                db.string("select fields from ledger_entry where recipient_key = ? and member_id = " + alice, org.recipientKey()));
        assertEquals(0, ledgerEntries(outsider, org));

        desk.view(orgAdmin, org.id(), 1, from.plusMinutes(2));
        assertEquals(2, ledgerEntries(alice, org), "each view is in the ledger");

        // A member who changes their address away from the domain is no longer shown.
        db.update("update member set email = 'moved" + id().substring(0, 6) + "@example.org' where id = " + bob);
        assertEquals(List.of(alice), desk.view(orgAdmin, org.id(), 1, from.plusMinutes(3)).members().stream().map(MemberUse::memberId).toList());
    }

    /** P-CORP-1: another organization's administrator, or a member, cannot read the view or register organizations. */
    @Test
    void onlyTheOrganizationsAdministratorReadsItsView_P_CORP_1() {
        long admin = administrator();
        long orgAdmin = member("own", "example.net");
        long otherAdmin = member("nosy", "example.net");
        Organization org = desk.register(admin, "Own " + id(), username(orgAdmin));
        Organization other = desk.register(admin, "Nosy " + id(), username(otherAdmin));
        String domain = domain();
        member("staff", domain);
        desk.verifyDirectly(admin, org.id(), domain, "Known customer", now().minusDays(settings.noticeDays() + 1));

        assertThrows(NoSuchOrganizationException.class, () -> desk.view(otherAdmin, org.id(), 1, now()));
        assertThrows(NoSuchOrganizationException.class, () -> desk.claimByMail(otherAdmin, org.id(), "x@" + domain(), now()));
        assertThrows(NoSuchOrganizationException.class, () -> desk.register(orgAdmin, "Mine " + id(), username(orgAdmin)));
        assertEquals(1, desk.view(orgAdmin, org.id(), 1, now()).members().size());
        assertTrue(desk.view(otherAdmin, other.id(), 1, now()).members().isEmpty());
        // Through the service nobody signed in reaches neither.
        assertThrows(EJBException.class, () -> service.view(org.id(), 1));
        assertThrows(EJBException.class, () -> service.register("X " + id(), username(orgAdmin)));
    }

    /**
     * P-CORP-1: a member whose verified address comes to a claimed domain (by a confirmed change, or
     * by verifying the address they joined with) is told at that moment, by mail and in the privacy
     * centre, and is shown only after the notice period counted from then; leaving the domain ends
     * the notice at once.
     */
    @Test
    void aMemberArrivingAtAClaimedDomainIsToldThenAndWaitsFromThen_P_CORP_1() throws Exception {
        long admin = administrator();
        long orgAdmin = member("arr", "example.net");
        String domain = domain();
        Organization org = desk.register(admin, "Arrivals " + id(), username(orgAdmin));
        desk.verifyDirectly(admin, org.id(), domain, "Known customer", now().minusDays(60));
        long eve = member("eve", "example.net");
        String eveAtDomain = "eve" + id().substring(0, 6) + "@" + domain;
        long joiner = new TestMembers(dataSource, policies).create("join" + id().substring(0, 8), "Jo Joiner",
                "jo" + id().substring(0, 6) + "@" + domain, now().minusDays(1), false);
        assertEquals("0", db.string("select count(*) from organization_notice where organization_id = " + org.id()),
                "nobody was at the domain when it was claimed");

        OffsetDateTime changedAt = now();
        assertTrue(accountSettings.confirmEmailChange(accountToken(eve, TokenPurpose.CHANGE_EMAIL, eveAtDomain)).isPresent());
        List<String> mails = db.mailsTo(eveAtDomain);
        assertEquals(1, mails.stream().filter(m -> m.contains(org.name() + " will see your email and past use")).count(), mails.toString());
        OrganizationViews.MemberNotice notice = desk.noticesOf(eve, now()).get(0);
        assertEquals(eveAtDomain, notice.email());
        assertFalse(notice.noticedAt().isBefore(changedAt.minusSeconds(1)), "told when the address changed, not when the claim was verified");
        assertFalse(notice.accessFrom().isBefore(changedAt.plusDays(settings.noticeDays()).minusSeconds(1)));

        assertTrue(accounts.verifyEmail(accountToken(joiner, TokenPurpose.VERIFY_EMAIL, null)).isPresent());
        assertEquals(1, desk.noticesOf(joiner, now()).size(), "a member who joins with an address at the domain is told when it is verified");
        assertEquals(1, db.mailsTo(email(joiner)).stream().filter(m -> m.contains(org.name() + " will see")).count());

        OffsetDateTime due = changedAt.plusDays(settings.noticeDays());
        AccessView before = desk.view(orgAdmin, org.id(), 1, due.minusMinutes(1));
        assertTrue(before.members().isEmpty(), "the claim is old, but the arrival's notice period counts from the arrival");
        assertEquals(2, before.waiting());
        AccessView after = desk.view(orgAdmin, org.id(), 1, due.plusMinutes(5));
        assertEquals(List.of(eve, joiner), after.members().stream().map(MemberUse::memberId).toList());

        // Leaving the domain ends the notice at once; the view no longer shows or counts the member.
        String away = "eve" + id().substring(0, 6) + "@example.org";
        assertTrue(accountSettings.confirmEmailChange(accountToken(eve, TokenPurpose.CHANGE_EMAIL, away)).isPresent());
        AccessView later = desk.view(orgAdmin, org.id(), 1, due.plusMinutes(10));
        assertEquals(List.of(joiner), later.members().stream().map(MemberUse::memberId).toList());
        assertEquals(1, later.shownTotal());
        assertFalse(desk.noticesOf(eve, due.plusMinutes(10)).get(0).inForce());
        java.io.StringWriter exported = new java.io.StringWriter();
        try (jakarta.json.stream.JsonGenerator json = jakarta.json.Json.createGenerator(exported)) {
            json.writeStartArray();
            assertEquals(1, noticesSection.write(eve, json));
            json.writeEnd();
        }
        assertTrue(exported.toString().contains("\"endedAt\":\""), "the export says when the notice ended: " + exported);
    }

    /**
     * P-CORP-1: the view is paged ({@link OrganizationDesk#PAGE_SIZE} members a page) and each view
     * discloses only the members on the page shown, once each.
     */
    @Test
    void theViewIsPagedAndDisclosesOnlyThePageShown_P_CORP_1() {
        long admin = administrator();
        long orgAdmin = member("pgs", "example.net");
        String domain = domain();
        Organization org = desk.register(admin, "Paged " + id(), username(orgAdmin));
        List<Long> staff = new ArrayList<>();
        for (int i = 0; i <= OrganizationDesk.PAGE_SIZE; i++) {
            staff.add(member("p" + i + "x", domain));
        }
        desk.verifyDirectly(admin, org.id(), domain, "Known customer", now().minusDays(settings.noticeDays() + 1));

        AccessView first = desk.view(orgAdmin, org.id(), 1, now());
        assertEquals(OrganizationDesk.PAGE_SIZE, first.members().size());
        assertEquals(staff.subList(0, OrganizationDesk.PAGE_SIZE), first.members().stream().map(MemberUse::memberId).toList());
        assertEquals(2, first.pages());
        assertEquals(staff.size(), first.shownTotal());
        assertTrue(first.hasNext());
        long last = staff.get(staff.size() - 1);
        assertEquals(0, ledgerEntries(last, org), "a member on another page is not disclosed");
        assertEquals(1, ledgerEntries(staff.get(0), org));

        AccessView second = desk.view(orgAdmin, org.id(), 2, now());
        assertEquals(List.of(last), second.members().stream().map(MemberUse::memberId).toList());
        assertFalse(second.hasNext());
        assertEquals(1, ledgerEntries(last, org));
        assertEquals(1, ledgerEntries(staff.get(0), org), "the second page disclosed only its own member");
        assertEquals(2, desk.view(orgAdmin, org.id(), 99, now()).page(), "past the end shows the last page");
    }

    /**
     * P-CORP-1: an administrator names another member as the organization's administrator (the former
     * one loses access at once, both are told) and withdraws a domain claim (its members are told, the
     * view stops showing them at once, what was seen stays in their ledger).
     */
    @Test
    void anAdministratorChangesTheOrganizationsAdministratorAndWithdrawsAClaim_P_CORP_1() {
        long admin = administrator();
        long boss = member("old", "example.net");
        long successor = member("new", "example.net");
        String domain = domain();
        long worker = member("wrk", domain);
        Organization org = desk.register(admin, "Handover " + id(), username(boss));
        desk.verifyDirectly(admin, org.id(), domain, "Known customer", now().minusDays(settings.noticeDays() + 1));
        assertEquals(1, desk.view(boss, org.id(), 1, now()).members().size());

        assertEquals("There is no member with this username. Name an existing member account as the organization's administrator.",
                assertThrows(InvalidInputException.class, () -> desk.changeAdministrator(admin, org.id(), "nobody" + id().substring(0, 8)))
                        .problems().get("admin"));
        assertTrue(assertThrows(InvalidInputException.class, () -> desk.changeAdministrator(admin, org.id(), username(boss)))
                .problems().get("admin").startsWith("This member already administers"));
        assertThrows(NoSuchOrganizationException.class, () -> desk.changeAdministrator(boss, org.id(), username(successor)));

        desk.changeAdministrator(admin, org.id(), username(successor));
        assertThrows(NoSuchOrganizationException.class, () -> desk.view(boss, org.id(), 1, now()), "the former administrator loses access at once");
        assertEquals(List.of(worker), desk.view(successor, org.id(), 1, now()).members().stream().map(MemberUse::memberId).toList());
        assertTrue(db.mailsTo(email(boss)).stream().anyMatch(m -> m.startsWith("You no longer administer " + org.name())), db.mailsTo(email(boss)).toString());
        assertTrue(db.mailsTo(email(successor)).stream().anyMatch(m -> m.startsWith("You now administer " + org.name())));
        assertEquals(1, db.number("select count(*) from staff_action where action = 'CHANGE_ORGANIZATION_ADMIN' and subject_id = " + successor
                + " and reason = ?", "instead of " + username(boss)));

        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> desk.withdrawDomain(admin, org.id(), "other" + domain, " "));
        assertEquals(org.name() + " does not claim this domain. Enter one of its domains as listed above.", refused.problems().get("domain"));
        assertEquals("Say why the claim is withdrawn.", refused.problems().get("reason"));

        desk.withdrawDomain(admin, org.id(), domain.toUpperCase(), "Contract ended with " + org.name());
        AccessView after = desk.view(successor, org.id(), 1, now());
        assertTrue(after.members().isEmpty(), "the view stops at once");
        assertTrue(after.domains().isEmpty());
        assertTrue(db.mailsTo(email(worker)).stream().anyMatch(m -> m.startsWith(org.name() + " no longer sees your email")),
                db.mailsTo(email(worker)).toString());
        assertEquals(2, ledgerEntries(worker, org), "what the organization saw stays in the ledger");
        assertEquals(1, db.number("select count(*) from staff_action where action = 'WITHDRAW_ORGANIZATION_DOMAIN' and reason = ?",
                "Contract ended with " + org.name()));
    }

    // --- helpers ---

    /** A link token as the account context would mail it, issued in its own transaction. */
    private String accountToken(long member, TokenPurpose purpose, String newEmail) throws Exception {
        transaction.begin();
        String token = accountTokens.create(member, purpose, newEmail);
        transaction.commit();
        return token;
    }

    private long administrator() {
        long id = member("admin", "example.net");
        db.update("insert into member_role (member_id, role) values (" + id + ", 'ADMIN')");
        return id;
    }

    private long member(String prefix, String domain) {
        String username = prefix + id().substring(0, 8);
        return new TestMembers(dataSource, policies).create(username, "Real Name " + username, username + "@" + domain,
                now().minusDays(30), true);
    }

    private static String domain() {
        return "org" + id().substring(0, 10) + ".example";
    }

    private static String token(String mail) {
        Matcher m = TOKEN.matcher(mail);
        assertTrue(m.find(), mail);
        return m.group(1);
    }

    private long ledgerEntries(long member, Organization org) {
        return db.number("select count(*) from ledger_entry where member_id = " + member + " and recipient_key = ?"
                + " and policy_clause = 'ORGANIZATION_ADMINISTRATION'", org.recipientKey());
    }

    private String username(long memberId) {
        return db.string("select username from member where id = " + memberId);
    }

    private String email(long memberId) {
        return db.string("select email from member where id = " + memberId);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static String id() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
