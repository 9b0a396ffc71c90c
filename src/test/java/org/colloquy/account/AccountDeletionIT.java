package org.colloquy.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;

import org.colloquy.event.EventService;
import org.colloquy.event.EventService.RegistrationForm;
import org.colloquy.event.SharedField;
import org.colloquy.event.Webinar;
import org.colloquy.event.WebinarDraft;
import org.colloquy.forum.ForumFeeds;
import org.colloquy.forum.ForumTestSupport;
import org.colloquy.platform.persistence.DatabaseMigrator;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.policy.PolicyService;
import org.colloquy.rights.RequestKind;
import org.colloquy.rights.RightsDesk;
import org.colloquy.sponsor.RevocationNotice;
import org.colloquy.sponsor.RevocationNotices;
import org.colloquy.sponsor.SponsorPortal;
import org.colloquy.testimonial.Credit;
import org.colloquy.testimonial.Testimonial;
import org.colloquy.testimonial.TestimonialDraft;
import org.colloquy.testimonial.TestimonialWriter;
import org.colloquy.test.Deployments;
import org.colloquy.test.TestMembers;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deleting an account inside the container, on the real database (P-ACCOUNT-2): posts kept under
 * "a former member" or turned into placeholders, the account row made anonymous, testimonials
 * withdrawn on their own path, sponsors told, consent and ledger records kept, the username held
 * until the retention job frees it, the last mail sent, and nothing changed by a wrong password or
 * a caller who is not the member. The caller here is anonymous.
 */
@ExtendWith(ArquillianExtension.class)
class AccountDeletionIT {

    private static final String PASSWORD = "a long passphrase 8k2m for deletion";

    @Deployment
    static WebArchive deployment() {
        return Deployments.portal().addClasses(TestMembers.class, ForumTestSupport.class, TotpCodes.class);
    }

    @Resource(lookup = DatabaseMigrator.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    AccountDeletion deletion;

    @Inject
    RightsDesk rightsDesk;

    @Inject
    AccountRetention retention;

    @Inject
    AccountService accounts;

    @Inject
    AccountChecks checks;

    @Inject
    MemberDirectory directory;

    @Inject
    PasswordHasher hasher;

    @Inject
    PolicyService policies;

    @Inject
    ForumTestSupport forum;

    @Inject
    ForumFeeds feeds;

    @Inject
    TestimonialWriter testimonials;

    @Inject
    EventService events;

    @Inject
    SponsorPortal portal;

    @Inject
    RevocationNotices notices;

    private String id;

    @BeforeEach
    void setUp() {
        id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** P-ACCOUNT-2: posts kept stay with their text, credited to a former member; nothing of the account names the member. */
    @Test
    void deletingKeepingPostsLeavesTheTextUnderAFormerMember_P_ACCOUNT_2() {
        long member = member("keeper");
        long topic = topicOf(forum.thread("deletion-" + id, "Kept thread " + id, "keeper" + id, 2));
        String session = openSession(member);

        deletion.delete(member, PASSWORD.toCharArray(), null, true);

        List<ForumFeeds.Entry> entries = feeds.topic(topic).entries();
        assertEquals(2, entries.size());
        entries.forEach(entry -> assertEquals(null, entry.author(), "credited to a former member"));
        assertTrue(entries.stream().anyMatch(e -> e.post().bodyMarkdown().equals("Post 1 of the long thread.")), "the text stays");

        assertEquals(List.of("", "#deleted-" + member, "#deleted-" + member), row("select name, username, email from member where id = ?", member));
        assertEquals(0, count("select count(*) from member where lower(name) like ? or email_key like ?", "%keeper person " + id + "%", "keeper." + id + "%"));
        assertEquals(0, count("select count(*) from member_session where member_id = ?", member), "sessions are gone: " + session);
        assertEquals(0, count("select count(*) from member_role where member_id = ?", member));
        assertFalse(directory.lookup("keeper" + id).isFound(), "no profile under the old username");
        assertTrue(directory.publicMember(member).isEmpty());
        accounts.requestPasswordReset("#deleted-" + member, "10.77.0.1");
        accounts.requestPasswordReset("keeper." + id + "@example.org", "10.77.0.2");
        assertEquals(0, count("select count(*) from account_token where member_id = ?", member), "a tombstone gets no reset link");
    }

    /** P-ACCOUNT-2: the member who chose to delete their posts leaves placeholders, without earlier texts. */
    @Test
    void deletingThePostsLeavesPlaceholders_P_ACCOUNT_2() {
        long member = member("remover");
        long topic = topicOf(forum.thread("deletion-" + id, "Removed thread " + id, "remover" + id, 2));

        deletion.delete(member, PASSWORD.toCharArray(), null, false);

        assertEquals(2, count("select count(*) from forum_post where topic_id = ? and deleted = true and body_markdown = ''", topic));
        assertEquals(0, count("select count(*) from forum_post_revision r join forum_post p on p.id = r.post_id where p.topic_id = ?", topic));
        assertTrue(feeds.topic(topic).entries().isEmpty(), "deleted posts are in no feed");
    }

    /**
     * P-ACCOUNT-2: testimonials are withdrawn on their own path (the named showing ended in the
     * ledger), a sponsor that received data gets a revocation notice, consent records and ledger
     * entries stay, and the last mail to the address says what was done and kept.
     */
    @Test
    void testimonialsGoSponsorsAreToldRecordsStayAndALastMailIsSent_P_ACCOUNT_2() {
        long member = member("sharer");
        Testimonial named = testimonials.write(member, new TestimonialDraft("A fine community " + id, 5, null, Credit.FULL_NAME, null), "test");
        testimonials.publish(named.id());
        long sponsor = sponsor("Initech " + id);
        long contact = member("contact");
        execute("insert into sponsor_contact (sponsor_id, member_id, added_at) values (?, ?, ?)", sponsor, contact, now());
        Webinar webinar = events.createUnchecked(new WebinarDraft("Webinar " + id, "About things", LocalDateTime.now().plusDays(7),
                LocalDateTime.now().plusDays(7).plusHours(1), "UTC", null, null, null, List.of(sponsor)));
        events.register(member, webinar.id(), new RegistrationForm(null, null, Map.of(sponsor, EnumSet.of(SharedField.EMAIL))));
        portal.export(contact, webinar.id(), sponsor, new StringBuilder());
        long ledgerBefore = count("select count(*) from ledger_entry where member_id = ?", member);
        long consentsBefore = count("select count(*) from consent where member_id = ?", member);

        deletion.delete(member, PASSWORD.toCharArray(), null, true);

        assertEquals(0, count("select count(*) from testimonial where author_id = ?", member));
        assertEquals(0, count("select count(*) from webinar_registration where member_id = ? and cancelled_at is null", member),
                "the registration for a webinar to come is cancelled");
        assertTrue(testimonials.published(0, 1000).items().stream().noneMatch(t -> t.id() == named.id()));
        List<RevocationNotice> told = notices.ofSponsor(contact, sponsor);
        assertEquals(1, told.size(), "the sponsor that received the email is told to delete it");
        assertEquals("email", told.get(0).fields());
        assertEquals(consentsBefore, count("select count(*) from consent where member_id = ?", member), "consent records are kept");
        assertEquals(0, count("select count(*) from consent c where c.member_id = ? and not exists"
                + " (select 1 from consent_withdrawal w where w.consent_id = c.id)", member), "none is live");
        assertEquals(ledgerBefore + 1, count("select count(*) from ledger_entry where member_id = ?", member),
                "the ledger keeps every entry and gains the end of the testimonial's showing");

        List<String> mails = strings("select subject || '|' || body_text from mail_outbox where recipient = ? order by id", "sharer." + id + "@example.org");
        assertEquals(1, mails.size(), "only the last mail is left: " + mails);
        assertTrue(mails.get(0).startsWith("Your account on "), mails.get(0));
        assertTrue(mails.get(0).contains("credited to \"a former member\""), mails.get(0));
        assertTrue(mails.get(0).contains("kept for six years"), mails.get(0));
    }

    /**
     * P-ACCOUNT-2, the name nowhere after deletion: another member quoted and mentioned the deleted
     * one; their post (Markdown, HTML and search text) and its earlier versions then say "a former
     * member" where the username was, their own words and other members' mentions stay, the topic's
     * feed shows no username, and the staff log says what was replaced, without the name.
     */
    @Test
    void mentionsAndQuotesOfTheDeletedMemberBecomeAFormerMember_P_ACCOUNT_2() {
        long member = member("quoted");
        long other = member("quoter");
        member("bystander");
        String topicPath = forum.thread("deletion-" + id, "Quoted thread " + id, "quoted" + id, 1);
        long topic = topicOf(topicPath);
        forum.reply(topicPath, "quoter" + id, "> @Quoted" + id + " wrote:\n> Post 1 of the long thread.\n\n"
                + "I agree with @quoted" + id + ". Ask @bystander" + id + " too; mail me at me@quoted" + id + ".example.");
        long reply = count("select id from forum_post where topic_id = ? and author_id = ?", topic, other);
        execute("insert into forum_post_revision (post_id, body_markdown, written_at, replaced_at, reason) values (?, ?, ?, ?, 'EDITED')",
                reply, "First draft for @quoted" + id, now(), now());

        deletion.delete(member, PASSWORD.toCharArray(), null, true);

        List<String> post = row("select body_markdown, body_html, body_text from forum_post where id = ?", reply);
        assertEquals("> a former member wrote:\n> Post 1 of the long thread.\n\n"
                + "I agree with a former member. Ask @bystander" + id + " too; mail me at me@quoted" + id + ".example.", post.get(0));
        assertTrue(post.get(1).contains("<a href=\"/u/bystander" + id + "\""), "other mentions stay linked: " + post.get(1));
        for (String text : post) {
            assertFalse(text.replace("me@quoted" + id, "").replace("me&#64;quoted" + id, "").toLowerCase().contains("quoted" + id), text);
            assertTrue(text.contains("a former member"), text);
        }
        assertEquals("First draft for a former member", strings("select body_markdown from forum_post_revision where post_id = ?", reply).get(0));
        assertTrue(feeds.topic(topic).entries().stream().allMatch(e -> !e.post().bodyHtml().contains("@quoted" + id)));
        assertEquals(1, count("select count(*) from forum_post where id = ? and edited_at is null", reply), "not an edit by its author");
        assertEquals(List.of("The deleted member's username replaced by \"a former member\" in 1 post(s) and 1 earlier text(s) of posts."),
                strings("select reason from staff_action where subject_id = ? and action = 'FORGET_MENTIONS'", member));
    }

    /**
     * P-ACCOUNT-2: a member mentioned in more posts than one batch holds is taken out of every one
     * of them, and the earlier texts of the posts they kept are erased (decision 0030), which the
     * staff log records without the text.
     */
    @Test
    void aMemberMentionedManyTimesIsTakenOutOfEveryPostAndTheirEarlierTextsArePurged_P_ACCOUNT_2() throws SQLException {
        long member = member("famous");
        long fan = member("fan");
        long topic = topicOf(forum.thread("deletion-" + id, "Famous thread " + id, "fan" + id, 1));
        long own = topicOf(forum.thread("deletion-" + id, "Own thread " + id, "famous" + id, 1));
        long ownPost = count("select id from forum_post where topic_id = ?", own);
        execute("insert into forum_post_revision (post_id, body_markdown, written_at, replaced_at, reason) values (?, ?, ?, ?, 'EDITED')",
                ownPost, "My first words " + id, now(), now());
        int many = 250; // ForumWriter rewrites 200 posts a batch: this crosses a batch boundary
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("insert into forum_post"
                + " (topic_id, post_number, author_id, body_markdown, body_html, body_text, created_at) values (?, ?, ?, ?, ?, ?, ?)")) {
            for (int n = 2; n < 2 + many; n++) {
                String text = "Reply " + n + " to @famous" + id;
                s.setLong(1, topic);
                s.setInt(2, n);
                s.setLong(3, fan);
                s.setString(4, text);
                s.setString(5, "<p>" + text + "</p>");
                s.setString(6, text);
                s.setObject(7, now());
                s.addBatch();
            }
            s.executeBatch();
        }

        deletion.delete(member, PASSWORD.toCharArray(), null, true);

        assertEquals(0, count("select count(*) from forum_post where lower(body_markdown) like ? or lower(body_html) like ? or lower(body_text) like ?",
                "%famous" + id + "%", "%famous" + id + "%", "%famous" + id + "%"));
        assertEquals(many, count("select count(*) from forum_post where topic_id = ? and body_text like '% to a former member%'", topic));
        assertEquals(0, count("select count(*) from forum_post_revision where post_id = ?", ownPost), "earlier texts erased");
        List<String> purged = strings("select reason from staff_action where subject_id = ? and action = 'PURGE_REVISIONS'", member);
        assertEquals(1, purged.size());
        assertFalse(purged.get(0).contains("My first words"), "the log does not keep the text");
    }

    /** P-ACCOUNT-2: the username is refused to everyone during the quarantine and free after it. */
    @Test
    void theUsernameIsHeldThenFreedByTheRetentionJob_P_ACCOUNT_2() {
        long member = member("quarantined");
        deletion.delete(member, PASSWORD.toCharArray(), null, true);

        assertEquals("That username belonged to an account deleted recently and is held for a while so nobody can pass for its owner. Try another.",
                checks.username("Quarantined" + id, null).orElseThrow());
        retention.purge(now().plusDays(29));
        assertEquals(1, held("quarantined" + id), "still held on day 29 of 30");
        assertTrue(checks.username("quarantined" + id, null).isPresent());
        retention.purge(now().plusDays(31));
        assertEquals(0, held("quarantined" + id));
        assertTrue(checks.username("quarantined" + id, null).isEmpty(), "free after the quarantine");
    }

    /**
     * P-ACCOUNT-2: what the deletion keeps for proof (consents, ledger, staff log about the account,
     * the last mail) stays for six years and is erased by the retention job after them.
     */
    @Test
    void recordsKeptForProofAreErasedAfterSixYears_P_ACCOUNT_2() {
        long member = member("archived");
        Testimonial named = testimonials.write(member, new TestimonialDraft("Kept for proof " + id, 4, null, Credit.FULL_NAME, null), "test");
        testimonials.publish(named.id());
        execute("insert into staff_action (subject_id, action, reason, at) values (?, 'WARN', 'Test warning', ?)", member, now());
        deletion.delete(member, PASSWORD.toCharArray(), null, true);
        String address = "archived." + id + "@example.org";
        assertEquals(1, count("select count(*) from mail_outbox where recipient = ?", address));

        retention.purge(now().plusYears(6).minusDays(1));
        assertTrue(count("select count(*) from consent where member_id = ?", member) > 0, "kept during the six years");
        assertTrue(count("select count(*) from ledger_entry where member_id = ?", member) > 0);
        assertEquals(1, count("select count(*) from staff_action where subject_id = ?", member));
        assertEquals(1, count("select count(*) from mail_outbox where recipient = ?", address));

        retention.purge(now().plusYears(6).plusDays(1));
        assertEquals(0, count("select count(*) from consent where member_id = ?", member));
        assertEquals(0, count("select count(*) from ledger_entry where member_id = ?", member));
        assertEquals(0, count("select count(*) from staff_action where subject_id = ?", member));
        assertEquals(0, count("select count(*) from mail_outbox where recipient = ?", address));
        assertEquals(1, count("select count(*) from member where id = ? and records_purged_at is not null", member));
    }

    /**
     * P-ACCOUNT-2, as the deletion terms say: notices that an organization would see the member are
     * erased with the account; removal and rights requests stay as the proof that each was answered,
     * until the six years end.
     */
    @Test
    void organizationNoticesGoAndPrivacyRequestsStayUntilTheRecordsExpire_P_ACCOUNT_2() {
        long member = member("requester");
        long admin = member("orgadmin");
        execute("insert into organization (name, admin_member_id, created_at) values (?, ?, ?)", "Org " + id, admin, now());
        long org = count("select id from organization where name = ?", "Org " + id);
        execute("insert into organization_domain (organization_id, domain, claimed_at, verified_at) values (?, ?, ?, ?)",
                org, "org" + id + ".example", now(), now());
        long domain = count("select id from organization_domain where organization_id = ?", org);
        execute("insert into organization_notice (domain_id, organization_id, member_id, email, noticed_at, access_from)"
                + " values (?, ?, ?, ?, ?, ?)", domain, org, member, "requester@org" + id + ".example", now(), now());
        rightsDesk.requestAsMember(member, RequestKind.ACCESS, "Everything you hold about me");
        execute("insert into removal_request (member_id, item_kind, item_id, wanted, status, received_at, due_at)"
                + " values (?, 'FORUM_POST', 1, 'REDACT', 'DONE', ?, ?)", member, now(), now().plusDays(30));

        deletion.delete(member, PASSWORD.toCharArray(), null, true);
        assertEquals(0, count("select count(*) from organization_notice where member_id = ?", member), "no organization sees a deleted account");
        assertEquals(1, count("select count(*) from rights_request where member_id = ?", member), "kept as the proof of an answer");
        assertEquals(1, count("select count(*) from removal_request where member_id = ?", member));

        retention.purge(now().plusYears(6).plusDays(1));
        assertEquals(0, count("select count(*) from rights_request where member_id = ?", member));
        assertEquals(0, count("select count(*) from removal_request where member_id = ?", member));
    }

    /** P-ACCOUNT-2: a wrong password changes nothing; the member-facing method refuses anyone but a signed-in member. */
    @Test
    void aWrongPasswordOrAnotherCallerChangesNothing_P_ACCOUNT_2() {
        long member = member("careful");
        long topic = topicOf(forum.thread("deletion-" + id, "Careful thread " + id, "careful" + id, 1));

        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> deletion.delete(member, "not my password at all".toCharArray(), null, false));
        assertEquals("That is not your current password.", refused.problems().get(AccountDeletion.PASSWORD));
        EJBException anonymous = assertThrows(EJBException.class, () -> deletion.deleteMine(PASSWORD.toCharArray(), null, false));
        assertTrue(anonymous instanceof EJBAccessException, anonymous.toString());

        assertEquals(List.of("Careful Person " + id, "careful" + id), row("select name, username from member where id = ?", member));
        assertEquals(0, count("select count(*) from forum_post where topic_id = ? and deleted = true", topic));
        assertEquals("careful" + id, feeds.topic(topic).entries().get(0).author());
    }

    /** P-ACCOUNT-2: a member who signs in with a second factor also confirms the deletion with a code. */
    @Test
    void aMemberWithASecondFactorConfirmsWithACode_P_ACCOUNT_2() {
        long member = member("twofold");
        String secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
        execute("update member set totp_secret = ?, totp_enabled_at = ? where id = ?", secret, now(), member);

        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> deletion.delete(member, PASSWORD.toCharArray(), null, true));
        assertEquals("That code is not right. Enter the current code from your authenticator app, or an unused recovery code.",
                missing.problems().get(AccountDeletion.CODE));
        assertThrows(InvalidInputException.class, () -> deletion.delete(member, PASSWORD.toCharArray(), "not a code", true));
        assertEquals(0, count("select count(*) from member where id = ? and deleted_at is not null", member));

        deletion.delete(member, PASSWORD.toCharArray(), TotpCodes.now(secret), true);
        assertEquals(1, count("select count(*) from member where id = ? and deleted_at is not null and totp_secret is null", member));
    }

    // ------------------------------------------------------------------ helpers

    private long member(String who) {
        long member = new TestMembers(dataSource, policies).create(who + id, who.substring(0, 1).toUpperCase() + who.substring(1) + " Person " + id,
                who + "." + id + "@example.org", now().minusDays(30), true);
        execute("update member set password_hash = ? where id = ?", hasher.hash(PASSWORD.toCharArray()), member);
        return member;
    }

    private String openSession(long member) {
        String session = "s" + id + member;
        execute("insert into member_session (id, member_id, created_at, last_seen_at) values (?, ?, ?, ?)", session, member, now(), now());
        return session;
    }

    private long held(String username) {
        return count("select count(*) from former_username where username_key = ? and held_until is not null", username);
    }

    private static long topicOf(String path) {
        return Long.parseLong(path.split("/")[2]);
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
        List<String> rows = strings(sql, args);
        return Long.parseLong(rows.get(0));
    }

    private List<String> row(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                    values.add(r.getString(i));
                }
                return values;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> strings(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    values.add(r.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
