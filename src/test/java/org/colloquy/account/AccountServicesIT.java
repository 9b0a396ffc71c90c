package org.colloquy.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;

import org.colloquy.platform.persistence.DatabaseMigrator;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.policy.PolicyKind;
import org.colloquy.policy.PolicyService;
import org.colloquy.policy.PolicyVersion;
import org.colloquy.test.Deployments;
import org.colloquy.test.TestDatabase;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The account services inside the container, on the real database: uniqueness without regard to
 * case, answers that do not reveal registered addresses, single-use expiring links, throttling,
 * suspension, hash upgrades, and authorization checked by the services themselves.
 */
@ExtendWith(ArquillianExtension.class)
class AccountServicesIT {

    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_%-]+)");

    @Deployment
    static WebArchive deployment() {
        return Deployments.portal().addClass(TestDatabase.class);
    }

    @Resource(lookup = DatabaseMigrator.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    TestDatabase db;

    @Inject
    AccountService accounts;

    @Inject
    MemberSessions sessions;

    @Inject
    StaffService staff;

    @Inject
    PolicyService policies;

    @Inject
    MemberDirectory directory;

    @Inject
    MemberAddresses addresses;

    @Inject
    PasswordHasher hasher;

    @Test
    void aUsernameIsTakenWhateverItsCase() {
        String id = id();
        register("Case" + id, id + "a@example.org");
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> register("cASE" + id, id + "b@example.org"));
        assertEquals("That username is taken. Try another.", refused.problems().get("username"));
        assertEquals(0, db.number("select count(*) from member where email_key = ?", id + "b@example.org"));
    }

    @Test
    void aRegisteredEmailInAnyCaseLooksLikeSuccessAndOnlyItsOwnerIsTold() {
        String id = id();
        register("first" + id, "Owner" + id + "@Example.org");
        register("second" + id, "OWNER" + id + "@EXAMPLE.ORG");

        assertEquals(0, db.number("select count(*) from member where username_key = ?", "second" + id));
        assertEquals(0, mailsTo("OWNER" + id + "@EXAMPLE.ORG").size(), "mail goes to the owner's own address");
        List<String[]> mails = mailsTo("Owner" + id + "@Example.org");
        assertEquals(2, mails.size());
        assertTrue(mails.get(1)[0].startsWith("Someone tried to join"), mails.get(1)[0]);
        assertFalse(mails.get(1)[1].contains("token="), "the mail to the owner carries no link that does anything");
    }

    /** P-MARKETING-1: account notices are account mail, not marketing, so no newsletter choice stops them. */
    @Test
    void accountMailIsSentAsAccountNotice_P_MARKETING_1() {
        String id = id();
        register("notice" + id, id + "@example.org");
        accounts.requestPasswordReset(id + "@example.org", address());
        List<String[]> mails = mailsTo(id + "@example.org");
        assertEquals(2, mails.size());
        mails.forEach(mail -> assertEquals("ACCOUNT", mail[2]));
    }

    @Test
    void aVerificationLinkWorksOnceAndNotAfterItExpires() {
        String id = id();
        register("verify" + id, id + "@example.org");
        String token = tokenIn(mailsTo(id + "@example.org").get(0)[1]);
        assertTrue(accounts.verifyEmail(token).isPresent());
        assertTrue(accounts.verifyEmail(token).isEmpty(), "a used link does nothing");

        String other = id();
        register("late" + other, other + "@example.org");
        String late = tokenIn(mailsTo(other + "@example.org").get(0)[1]);
        assertEquals(Duration.ofHours(24), lifetimeOfNewest(other));
        update("update account_token set expires_at = expires_at - interval '25' hour, created_at = created_at - interval '25' hour"
                + " where member_id = (select id from member where username_key = ?)", "late" + other);
        assertTrue(accounts.verifyEmail(late).isEmpty(), "an expired link does nothing");
        assertEquals(0, db.number("select count(*) from member where username_key = ? and email_verified_at is not null", "late" + other));
    }

    @Test
    void aResetLinkLastsOneHourWorksOnceAndEndsEverySession() {
        String id = id();
        register("reset" + id, id + "@example.org");
        long memberId = db.number("select id from member where username_key = ?", "reset" + id);
        String session = sessions.open(memberId, "Test browser", "10.1.1.1");
        assertTrue(sessions.resolve(session).isPresent());

        accounts.requestPasswordReset(id + "@EXAMPLE.org", address());
        assertEquals(Duration.ofHours(1), lifetimeOfNewest(id));
        String token = tokenIn(mailsTo(id + "@example.org").get(1)[1]);
        assertThrows(InvalidInputException.class, () -> accounts.resetPassword(token, "password1234".toCharArray()));
        assertTrue(accounts.resetPassword(token, "a new passphrase 7f3k9q lantern".toCharArray()));
        assertFalse(accounts.resetPassword(token, "another passphrase q9x2 harbor".toCharArray()), "a used link does nothing");
        assertTrue(sessions.resolve(session).isEmpty(), "the session open before the reset is over");
        assertEquals(SignInResult.Status.SIGNED_IN,
                accounts.signIn("reset" + id, "a new passphrase 7f3k9q lantern".toCharArray(), address()).status());
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoMail() {
        String nobody = "nobody-" + id() + "@example.org";
        accounts.requestPasswordReset(nobody, address());
        assertEquals(0, mailsTo(nobody).size());
    }

    @Test
    void repeatedFailuresThrottleTheAccountEvenForTheRightPassword() {
        String id = id();
        register("throttle" + id, id + "@example.org");
        String address = address();
        for (int i = 0; i < 6; i++) {
            assertEquals(SignInResult.Status.FAILED, accounts.signIn("throttle" + id, "wrong guess".toCharArray(), address).status());
        }
        SignInResult throttled = accounts.signIn("THROTTLE" + id, "violet harbor lantern copper".toCharArray(), address());
        assertEquals(SignInResult.Status.THROTTLED, throttled.status());
        assertTrue(throttled.retryAfter().compareTo(Duration.ofSeconds(61)) <= 0, throttled.toString());
        assertEquals(SignInResult.Status.FAILED,
                accounts.signIn("someone-else-" + id, "wrong guess".toCharArray(), address).status(),
                "other accounts from the same address are not yet held back");
    }

    @Test
    void aHashMadeWithFewerIterationsIsUpgradedAtSignIn() {
        String id = id();
        register("upgrade" + id, id + "@example.org");
        update("update member set password_hash = ? where username_key = ?",
                new PasswordHasher(hasher.iterations() / 2).hash("violet harbor lantern copper".toCharArray()), "upgrade" + id);
        assertEquals(SignInResult.Status.SIGNED_IN,
                accounts.signIn(id + "@example.org", "violet harbor lantern copper".toCharArray(), address()).status());
        String hash = db.string("select password_hash from member where username_key = ?", "upgrade" + id);
        assertTrue(hash.startsWith("pbkdf2-sha256$" + hasher.iterations() + "$"), hash);
    }

    /**
     * P-ACCOUNT-2: a deactivated account has no public page, is not mailed, cannot be mentioned or
     * post, and its sign-in asks for reactivation only after the right password; reactivating undoes all.
     */
    @Test
    void aDeactivatedAccountIsHiddenAndQuietUntilItsMemberReactivatesIt_P_ACCOUNT_2() {
        String id = id();
        String username = "pause" + id;
        register(username, id + "@example.org");
        update("update member set email_verified_at = current_timestamp where username_key = ?", username);
        long memberId = directory.idOf(username).orElseThrow();
        assertTrue(directory.lookup(username).isFound());
        assertEquals(Set.of(memberId), addresses.notifiable(Set.of(memberId)).keySet());

        update("update member set deactivated_at = current_timestamp where username_key = ?", username);
        assertFalse(directory.lookup(username).isFound(), "no public page");
        assertEquals(Map.of(), addresses.notifiable(Set.of(memberId)), "no notification");
        assertEquals(Map.of(), directory.byUsernames(Set.of(username)), "no mention");
        assertFalse(directory.poster(memberId).orElseThrow().mayPost(), "no posting");
        assertEquals(SignInResult.Status.FAILED,
                accounts.signIn(username, "wrong guess".toCharArray(), address()).status(), "a wrong password learns nothing");
        SignInResult signIn = accounts.signIn(username, "violet harbor lantern copper".toCharArray(), address());
        assertEquals(SignInResult.Status.DEACTIVATED, signIn.status());

        assertEquals(SignInResult.Status.SIGNED_IN, accounts.reactivate(signIn.memberId()).status());
        assertTrue(directory.lookup(username).isFound());
        assertEquals(Set.of(memberId), addresses.notifiable(Set.of(memberId)).keySet());
        assertTrue(directory.poster(memberId).orElseThrow().mayPost());
    }

    /** Authorization lives in the service: without the ADMIN role, nothing is granted, whatever the page shows. */
    @Test
    void staffActionsAreRefusedToCallersWithoutTheAdminRole() {
        assertThrows(EJBException.class, () -> staff.find("a"));
        assertThrows(EJBException.class, () -> staff.grant(1L, Role.ADMIN, "because"));
    }

    // ------------------------------------------------------------------ helpers

    private void register(String username, String email) {
        // The privacy policy a form would show: on a database shared with other tests, one may be published.
        Integer privacyPolicy = policies.current(PolicyKind.PRIVACY_POLICY).map(PolicyVersion::number).orElse(null);
        accounts.register(new Registration("Test Person", username, email, "violet harbor lantern copper".toCharArray(),
                "FR", AgeBand.SIXTEEN_OR_OLDER, privacyPolicy), address());
    }

    private static String id() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static String address() {
        return "10.200." + (int) (Math.random() * 250) + "." + (1 + (int) (Math.random() * 250));
    }

    private static String tokenIn(String body) {
        Matcher matcher = TOKEN.matcher(body);
        assertTrue(matcher.find(), "no link in: " + body);
        return java.net.URLDecoder.decode(matcher.group(1), java.nio.charset.StandardCharsets.UTF_8);
    }

    private Duration lifetimeOfNewest(String emailLocalPart) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select t.created_at, t.expires_at from account_token t join member m"
                     + " on m.id = t.member_id where m.email_key = ? order by t.id desc")) {
            s.setString(1, emailLocalPart + "@example.org");
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next());
                return Duration.between(r.getObject(1, java.time.OffsetDateTime.class), r.getObject(2, java.time.OffsetDateTime.class));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Subject, body and category of the mails queued for an address, oldest first. */
    private List<String[]> mailsTo(String recipient) {
        return db.rows("select subject, body_text, category from mail_outbox where recipient = ? order by id", recipient);
    }

    private void update(String sql, String... parameters) {
        assertTrue(db.update(sql, (Object[]) parameters) >= 1, "nothing updated by " + sql);
    }
}
