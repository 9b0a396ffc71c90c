package org.colloquy.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.colloquy.account.AccountService;
import org.colloquy.account.AgeBand;
import org.colloquy.account.MemberSessions;
import org.colloquy.account.Registration;
import org.colloquy.platform.persistence.DatabaseMigrator;
import org.colloquy.policy.PolicyKind;
import org.colloquy.policy.PolicyService;
import org.colloquy.policy.PolicyVersion;
import org.colloquy.privacy.export.DataExport;
import org.colloquy.test.Deployments;

/**
 * P-ACCOUNT-3: the member's self-service export. A member with data in every context downloads one
 * JSON file from the privacy centre's form; every section holds what was seeded, each manifest count
 * equals the items written, the withheld list says what is left out and why, and no credential, no
 * internal note and nothing of another member is in the file. The export is only ever the caller's own.
 */
@ExtendWith(ArquillianExtension.class)
class DataExportIT {

    private static final Set<String> SECTIONS = Set.of("account", "consents", "disclosures", "email-preferences",
            "event-registrations", "flags", "forum-posts", "forum-read-markers", "forum-revisions", "forum-topics", "forum-watches",
            "moderation", "profile", "sessions", "sponsor-contacts", "staff-log", "testimonials", "workgroup-release-notices",
            "workgroup-requests", "workgroups", "mails", "sponsor-revocation-notices");

    @Deployment
    static WebArchive deployment() {
        return Deployments.portal().addClasses(ExportTestServlet.class);
    }

    @Resource(lookup = DatabaseMigrator.DATA_SOURCE)
    DataSource dataSource;

    @ArquillianResource
    URL base;

    @Inject
    AccountService accounts;

    @Inject
    MemberSessions sessions;

    @Inject
    PolicyService policies;

    @Inject
    DataExport export;

    /**
     * P-ACCOUNT-3: everything held about the member, in sections that match what each context keeps,
     * with a manifest whose counts are the items written and a list of what is withheld and why.
     */
    @Test
    void aMemberDownloadsEverythingHeldAboutThemWithAManifestThatCountsIt_P_ACCOUNT_3() throws Exception {
        Member ada = newMember();
        Member bob = newMember();
        Member moderator = newMember();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
        String s = ada.suffix;

        // Account: two-factor on (its secret must not leak), a silence, a former username.
        execute("update member set totp_secret = ?, totp_enabled_at = ?, silenced_until = ?, silence_reason = ? where id = ?",
                "TOTPSECRET" + s, now, now.plusDays(3), "Silenced for shouting " + s, ada.id);
        insert("insert into former_username (username_key, member_id, changed_at) values (?, ?, ?)", "old" + s, ada.id, now);
        // Profile and photo.
        execute("insert into member_profile (member_id, profile_level, display_name, display_name_audience, job_title, job_title_audience,"
                + " organization, organization_audience, location, location_audience, bio_markdown, bio_html, bio_audience, website,"
                + " website_audience, updated_at) values (?, 'FULL', ?, 'EVERYONE', ?, 'MEMBERS', ?, 'WORKGROUPS', null, 'ONLY_ME',"
                + " ?, '<p>bio</p>', 'EVERYONE', null, 'MEMBERS', ?)", ada.id, "Ada " + s, "Engineer " + s, "Org " + s, "Bio " + s, now);
        execute("insert into profile_photo (member_id, large_jpeg, small_jpeg, updated_at) values (?, ?, ?, ?)",
                ada.id, new byte[] {1, 2, 3}, new byte[] {4, 5}, now);
        // Forum: a topic of Ada's with three of her posts (one edited twice) and one of Bob's; a watch.
        long category = insert("insert into forum_category (name, slug, description, visibility, position, created_at)"
                + " values (?, ?, 'Export test', 'PUBLIC', 99, ?)", "Export " + s, "x" + s, now);
        long topic = insert("insert into forum_topic (category_id, title, slug, author_id, created_at, last_activity_at, post_count)"
                + " values (?, ?, 't', ?, ?, ?, 4)", category, "Topic " + s, ada.id, now, now);
        long first = post(topic, 1, ada.id, "First post " + s, now);
        long edited = post(topic, 2, ada.id, "Edited post " + s, now);
        long third = post(topic, 3, ada.id, "Third post " + s, now);
        long bobs = post(topic, 4, bob.id, "Bob's words " + s, now);
        for (int i = 1; i <= 2; i++) {
            insert("insert into forum_post_revision (post_id, body_markdown, written_at, replaced_at, reason) values (?, ?, ?, ?, 'EDITED')",
                    edited, "Earlier text " + i + " " + s, now.minusHours(3 - i), now.minusHours(2 - i));
        }
        insert("insert into forum_watch (member_id, topic_id, since, last_post_id) values (?, ?, ?, ?)", ada.id, topic, now, bobs);
        execute("insert into forum_read_state (member_id, topic_id, last_read, read_at) values (?, ?, 4, ?)", ada.id, topic, now);
        execute("insert into forum_read_state (member_id, topic_id, last_read, read_at) values (?, ?, 2, ?)", bob.id, topic, now);
        // Moderation: Ada flags Bob's post; Bob flags Ada's, which a moderator hides with an internal note.
        insert("insert into moderation_flag (post_id, flagger_id, reason, explanation, created_at) values (?, ?, 'ABUSIVE', ?, ?)",
                bobs, ada.id, "Ada finds it rude " + s, now);
        insert("insert into moderation_flag (post_id, flagger_id, reason, explanation, created_at) values (?, ?, 'ABUSIVE', ?, ?)",
                third, bob.id, "Bob explains " + s, now);
        long item = insert("insert into moderation_item (kind, post_id, author_id, reason, flag_count, created_at, decided_by, decided_at,"
                + " decision) values ('FLAGGED', ?, ?, 'ABUSIVE', 1, ?, ?, ?, 'HIDE')", third, ada.id, now, moderator.id, now);
        insert("insert into moderation_note (item_id, author_id, text, written_at) values (?, ?, ?, ?)", item, moderator.id,
                "Internal note " + s, now);
        insert("insert into staff_action (actor_id, subject_id, action, detail, reason, at) values (?, ?, 'HIDE_POST', ?, ?, ?)",
                moderator.id, ada.id, "post " + third, "Abusive: told to Ada " + s, now);
        // Privacy: a marketing consent given and withdrawn, a disclosure, an email preference.
        long consent = insert("insert into consent (member_id, purpose, notice_version, notice_text, given_at, given_via)"
                + " values (?, 'MARKETING_EMAIL', 'marketing/1', ?, ?, 'Privacy centre')", ada.id, "Send me news " + s, now);
        execute("insert into consent_withdrawal (consent_id, withdrawn_at, withdrawn_via) values (?, ?, 'Privacy centre')", consent, now);
        insert("insert into ledger_entry (member_id, recipient_kind, recipient_key, recipient_label, fields, purpose, policy_clause,"
                + " disclosed_at) values (?, 'PUBLIC', ?, ?, 'name', ?, 'DOCUMENT_RELEASE', ?)", ada.id, "public:" + s,
                "The public " + s, "Released document " + s, now);
        insert("insert into notification_preference (member_id, kind, opted_out, changed_at, changed_via) values (?, 'FORUM_MENTION', TRUE, ?, 'Privacy centre')",
                ada.id, now);
        // Events and sponsors.
        long webinar = insert("insert into webinar (title, description, starts_at, ends_at, time_zone, created_at) values (?, 'd', ?, ?, 'UTC', ?)",
                "Webinar " + s, now.plusDays(5), now.plusDays(5).plusHours(1), now);
        insert("insert into webinar_registration (webinar_id, member_id, job_title, organization, registered_at) values (?, ?, ?, ?, ?)",
                webinar, ada.id, "Engineer " + s, "Org " + s, now);
        long sponsor = insert("insert into sponsor (name, description, created_at) values (?, 'd', ?)", "Sponsor " + s, now);
        insert("insert into sponsor_contact (sponsor_id, member_id, added_at) values (?, ?, ?)", sponsor, ada.id, now);
        // A testimonial sent back with a note, a workgroup, a release notice.
        insert("insert into testimonial (author_id, body, status, credit, staff_note, featured, created_at, updated_at, version)"
                + " values (?, ?, 'CHANGE_REQUESTED', 'ANONYMOUS', ?, FALSE, ?, ?, 0)", ada.id, "Great place " + s, "Please shorten " + s, now, now);
        long group = insert("insert into workgroup (name, description, created_at) values (?, 'd', ?)", "Group " + s, now);
        insert("insert into workgroup_request (workgroup_id, member_id, kind, status, consent_id, created_at, created_by, decided_at)"
                + " values (?, ?, 'APPLICATION', 'ACCEPTED', ?, ?, ?, ?)", group, ada.id, consent, now, ada.id, now);
        insert("insert into workgroup_participation (workgroup_id, member_id, consent_id, joined_at) values (?, ?, ?, ?)", group, ada.id, consent, now);
        long document = insert("insert into workgroup_document (workgroup_id, title, version_label, file_name, media_type, byte_size, content,"
                + " uploaded_at, uploaded_by) values (?, ?, '1', 'd.txt', 'text/plain', 1, ?, ?, ?)", group, "Document " + s, new byte[] {65}, now, moderator.id);
        long release = insert("insert into document_release (document_id, workgroup_id, planned_for, status, started_at, started_by)"
                + " values (?, ?, ?, 'PLANNED', ?, ?)", document, group, LocalDate.now().plusDays(8), now, moderator.id);
        execute("insert into release_notice (release_id, member_id, name, email, organization, response, notified_at) values (?, ?, ?, ?, ?, 'PENDING', ?)",
                release, ada.id, "Ada " + s, ada.email, "Org " + s, now);

        // A sharing consent Ada withdrew, and the revocation notice its sponsor was sent (acknowledged).
        long sharing = insert("insert into consent (member_id, purpose, subject_key, notice_version, notice_text, given_at, given_via)"
                + " values (?, 'SPONSOR_SHARING', ?, 'sponsor/1', ?, ?, 'Registration')", ada.id, "webinar:" + webinar + ":sponsor:" + sponsor,
                "Share with the sponsor " + s, now);
        insert("insert into sponsor_revocation_notice (sponsor_id, webinar_id, consent_id, fields, attendee, withdrawn_at, acknowledged_at,"
                + " acknowledged_by) values (?, ?, ?, 'email,name', ?, ?, ?, ?)", sponsor, webinar, sharing, ada.email + " · Ada " + s, now, now, moderator.id);
        // Mails: an account mail with a single-use link (sent), a reply notification quoting Bob (retried tomorrow), and one to Bob.
        String linkCode = "Code" + s + "xyz";
        insert("insert into mail_outbox (recipient, subject, body_text, category, created_at, next_attempt_at, sent_at)"
                + " values (?, ?, ?, 'ACCOUNT', ?, ?, ?)", ada.email, "Confirm your address " + s,
                "Hello Ada, open https://colloquy.example/verify?token=" + linkCode + " to confirm. " + s, now, now, now);
        insert("insert into mail_outbox (recipient, subject, body_text, category, notification_kind, created_at, next_attempt_at)"
                + " values (?, ?, ?, 'NOTIFICATION', 'FORUM_REPLY', ?, ?)", ada.email, "New reply in Topic " + s, "Bob's words " + s, now,
                now.plusDays(1));
        insert("insert into mail_outbox (recipient, subject, body_text, category, created_at, next_attempt_at)"
                + " values (?, ?, ?, 'ACCOUNT', ?, ?)", bob.email, "For Bob only " + s, "Bob's mail " + s, now, now);

        String token = UUID.randomUUID().toString();
        String memberSession = sessions.open(ada.id, "Test", "127.0.0.1");
        String cookie = signedIn(memberSession, token);
        HttpResponse<String> response = post(cookie, "token=" + token);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), response.headers().toString());
        assertEquals("attachment; filename=\"colloquy-" + ada.username + "-" + LocalDate.now(ZoneOffset.UTC) + ".json\"",
                response.headers().firstValue("Content-Disposition").orElse(""));
        String body = response.body();
        JsonObject file = parse(body);
        assertEquals("colloquy-export", file.getString("schema"));
        assertEquals(1, file.getInt("version"));
        JsonObject sections = file.getJsonObject("sections");
        // Contexts built later add their own sections: these are the ones every file has today.
        assertTrue(sections.keySet().containsAll(SECTIONS), sections.keySet().toString());

        // The manifest: one entry per section, each count the number of items written.
        JsonObject manifest = file.getJsonObject("manifest");
        Map<String, Integer> counts = manifest.getJsonArray("sections").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(e -> e.getString("name"), e -> e.getInt("count")));
        assertEquals(sections.keySet(), counts.keySet());
        counts.forEach((name, count) -> assertEquals(sections.getJsonArray(name).size(), count, "manifest count of " + name));

        JsonObject account = only(sections, "account");
        assertEquals(ada.username, account.getString("username"));
        assertEquals(ada.email, account.getString("email"));
        assertEquals("Test Person", account.getString("name"));
        assertTrue(account.getBoolean("twoFactorEnabled"));
        assertEquals("Silenced for shouting " + s, account.getString("silenceReason"));
        assertEquals(List.of("MEMBER"), account.getJsonArray("roles").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList());
        assertEquals("old" + s, account.getJsonArray("formerUsernames").getJsonObject(0).getString("username"));

        JsonObject profile = only(sections, "profile");
        assertEquals("FULL", profile.getString("level"));
        assertEquals("Engineer " + s, profile.getJsonObject("fields").getJsonObject("jobTitle").getString("value"));
        assertEquals("WORKGROUPS", profile.getJsonObject("fields").getJsonObject("organization").getString("audience"));
        assertEquals(3, profile.getJsonObject("photo").getInt("largeJpegBytes"));

        assertEquals(List.of(first, edited, third), ids(sections.getJsonArray("forum-posts"), "id"), "Ada's posts, not Bob's");
        assertEquals("Edited post " + s, sections.getJsonArray("forum-posts").getJsonObject(1).getString("bodyMarkdown"));
        assertEquals("Topic " + s, sections.getJsonArray("forum-posts").getJsonObject(0).getString("topicTitle"));
        assertEquals(List.of(edited, edited), ids(sections.getJsonArray("forum-revisions"), "postId"));
        assertEquals("Earlier text 1 " + s, sections.getJsonArray("forum-revisions").getJsonObject(0).getString("bodyMarkdown"));
        assertEquals(List.of(topic), ids(sections.getJsonArray("forum-topics"), "id"));
        assertEquals(List.of(topic), ids(sections.getJsonArray("forum-watches"), "topicId"));
        JsonObject marker = only(sections, "forum-read-markers");
        assertEquals(topic, marker.getJsonNumber("topicId").longValue());
        assertEquals(4, marker.getInt("lastReadNumber"), "Ada's marker, not Bob's");
        assertEquals(now.toInstant(), java.time.Instant.parse(marker.getString("readAt")));

        assertEquals("Ada finds it rude " + s, only(sections, "flags").getString("explanation"));
        JsonObject decision = only(sections, "moderation");
        assertEquals(third, decision.getJsonNumber("postId").longValue());
        assertEquals("HIDE", decision.getString("decision"));
        assertEquals(1, decision.getInt("flagCount"));
        assertEquals("Abusive: told to Ada " + s, only(sections, "staff-log").getString("reason"));

        JsonObject marketing = sections.getJsonArray("consents").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getJsonNumber("id").longValue() == consent).findFirst().orElseThrow();
        assertEquals("Send me news " + s, marketing.getString("noticeText"), "the wording agreed to");
        assertEquals("marketing/1", marketing.getString("noticeVersion"));
        assertFalse(marketing.isNull("withdrawnAt"), "and its withdrawal");
        assertEquals(count("select count(*) from consent where member_id = ?", ada.id), sections.getJsonArray("consents").size());
        assertEquals("The public " + s, only(sections, "disclosures").getString("recipientLabel"));
        assertEquals("FORUM_MENTION", only(sections, "email-preferences").getString("kind"));
        assertEquals("Webinar " + s, only(sections, "event-registrations").getString("webinarTitle"));
        assertEquals("Sponsor " + s, only(sections, "sponsor-contacts").getString("sponsor"));
        assertEquals("Please shorten " + s, only(sections, "testimonials").getString("staffNote"));
        assertEquals("Group " + s, only(sections, "workgroups").getString("workgroup"));
        assertEquals("APPLICATION", only(sections, "workgroup-requests").getString("kind"));
        assertEquals("Document " + s, only(sections, "workgroup-release-notices").getString("document"));
        assertTrue(sections.getJsonArray("sessions").size() >= 1);
        JsonObject revocation = only(sections, "sponsor-revocation-notices");
        assertEquals("Sponsor " + s, revocation.getString("sponsor"));
        assertEquals("Webinar " + s, revocation.getString("webinarTitle"));
        assertEquals("email,name", revocation.getString("fields"), "what the sponsor was asked to delete");
        assertTrue(revocation.getBoolean("acknowledged"));
        assertFalse(revocation.containsKey("acknowledgedBy"), "which contact acknowledged is another person's identity");
        // Ada's mails (joining queued one more), not Bob's.
        List<JsonObject> mails = sections.getJsonArray("mails").getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getString("subject").endsWith(s)).toList();
        assertEquals(List.of("Confirm your address " + s, "New reply in Topic " + s), mails.stream().map(m -> m.getString("subject")).toList());
        assertEquals(count("select count(*) from mail_outbox where recipient = ?", ada.email), sections.getJsonArray("mails").size());
        assertEquals("SENT", mails.get(0).getString("status"));
        assertEquals("Hello Ada, open https://colloquy.example/verify?token=WITHHELD to confirm. " + s, mails.get(0).getString("body"),
                "the body, without the link's code");
        assertEquals("WAITING", mails.get(1).getString("status"));
        assertEquals("FORUM_REPLY", mails.get(1).getString("notificationKind"));
        assertTrue(mails.get(1).isNull("body"), "a reply notification quotes another member");
        assertEquals("quotes other members", mails.get(1).getString("bodyWithheld"));

        // What is withheld, and why.
        Map<String, String> withheld = new HashMap<>();
        manifest.getJsonArray("withheld").getValuesAs(JsonObject.class).forEach(w -> withheld.put(w.getString("what"), w.getString("why")));
        assertEquals("Internal staff notes, withheld to protect the review process.",
                withheld.get("Moderators' internal notes on reviews of your posts"));
        assertTrue(withheld.get("Password hash, two-factor secret and recovery codes").startsWith("Security credentials, never exported"));
        assertTrue(withheld.get("Who flagged your posts, and their explanations").startsWith("Other members' identities"));
        assertTrue(withheld.get("Mails to an address your account no longer has").startsWith("The outbox knows addresses"));
        assertTrue(withheld.get("Which of the sponsor's contacts acknowledged a revocation notice").startsWith("Another person's identity"));
        assertFalse(withheld.containsKey("Copies of the emails queued to you (the mail outbox)"), "the member's own mails are exported now");

        // No credential, no internal note, nothing of anyone else.
        String hash = string("select password_hash from member where id = ?", ada.id);
        for (String secret : List.of(hash, "TOTPSECRET" + s, memberSession, token, "Internal note " + s, "Bob explains " + s,
                "Bob's words " + s, bob.email, bob.username, moderator.email, moderator.username, linkCode, "Bob's mail " + s)) {
            assertFalse(body.contains(secret), "the export holds " + secret);
        }
    }

    /**
     * P-ACCOUNT-3: the export is the caller's own and nobody else's: an administrator naming another
     * member gets their own file, a form without the session's token gets no file, and the service
     * refuses a caller who is not signed in.
     */
    @Test
    void theExportIsOnlyEverTheCallersOwn_P_ACCOUNT_3() throws Exception {
        Member ada = newMember();
        Member admin = newMember();
        execute("insert into member_role (member_id, role) values (?, 'ADMIN')", admin.id);
        String token = UUID.randomUUID().toString();
        String cookie = signedIn(sessions.open(admin.id, "Test", "127.0.0.1"), token);

        HttpResponse<String> own = post(cookie, "token=" + token + "&member=" + ada.id + "&username=" + ada.username);
        assertEquals(200, own.statusCode(), own.body());
        JsonObject account = only(parse(own.body()).getJsonObject("sections"), "account");
        assertEquals(admin.username, account.getString("username"));
        assertFalse(own.body().contains(ada.email), "nothing of the member the administrator named");

        HttpResponse<String> forged = post(cookie, "token=" + UUID.randomUUID());
        assertEquals(302, forged.statusCode(), "a form from another site gets no file");
        assertFalse(forged.body().contains("colloquy-export"));
        HttpResponse<String> anonymous = post(null, "token=" + token);
        assertNotEquals(200, anonymous.statusCode());
        assertFalse(anonymous.body().contains("colloquy-export"));

        assertThrows(EJBAccessException.class, () -> export.exportCaller(java.io.OutputStream.nullOutputStream()));
    }

    // ------------------------------------------------------------------ helpers

    private record Member(long id, String username, String email, String suffix) {
    }

    private Member newMember() {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Integer privacyPolicy = policies.current(PolicyKind.PRIVACY_POLICY).map(PolicyVersion::number).orElse(null);
        accounts.register(new Registration("Test Person", "e" + suffix, suffix + "@example.org",
                "violet harbor lantern copper".toCharArray(), "FR", AgeBand.SIXTEEN_OR_OLDER, privacyPolicy),
                "10.202." + (int) (Math.random() * 250) + "." + (1 + (int) (Math.random() * 250)));
        return new Member(count("select id from member where username_key = ?", "e" + suffix), "e" + suffix, suffix + "@example.org", suffix);
    }

    private long post(long topic, int number, long author, String markdown, OffsetDateTime at) {
        return insert("insert into forum_post (topic_id, post_number, author_id, body_markdown, body_html, body_text, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?)", topic, number, author, markdown, "<p>" + markdown + "</p>", markdown, at);
    }

    private String signedIn(String memberSession, String token) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                base.toURI().resolve("test/export-sign-in?signIn=" + memberSession + "&token=" + token)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }

    private HttpResponse<String> post(String cookie, String form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.toURI().resolve("account/export"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject parse(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    private static JsonObject only(JsonObject sections, String name) {
        JsonArray items = sections.getJsonArray(name);
        assertNotNull(items, name);
        assertEquals(1, items.size(), name + ": " + items);
        return items.getJsonObject(0);
    }

    private static List<Long> ids(JsonArray items, String field) {
        return items.getValuesAs(JsonObject.class).stream().map(o -> o.getJsonNumber(field).longValue()).toList();
    }

    private long insert(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(s, parameters);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                return keys.next() ? keys.getLong(1) : -1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private void execute(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, parameters);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private long count(String sql, Object parameter) {
        return Long.parseLong(string(sql, parameter));
    }

    private String string(String sql, Object parameter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, parameter);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next(), "no row for " + sql);
                return r.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static void bind(PreparedStatement s, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            s.setObject(i + 1, parameters[i]);
        }
    }
}
