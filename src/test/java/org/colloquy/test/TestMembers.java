package org.colloquy.test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;

import javax.sql.DataSource;

import org.colloquy.policy.PolicyDraft;
import org.colloquy.policy.PolicyKind;
import org.colloquy.policy.PolicyPublisher;
import org.colloquy.policy.PolicyService;

/**
 * Members written straight into the database for in-container tests and test hooks, quicker than
 * joining through the form (no password hashing, no mail). Each accepts the privacy policy in effect,
 * as joining does: on a database shared by the whole run, policy tests may have published one, and a
 * member who has not accepted it may not post.
 *
 * <h2>Usage</h2>
 * <pre>
 * &#64;Deployment
 * static WebArchive deployment() {
 *     return Deployments.portal().addClass(TestMembers.class);
 * }
 * ...
 * long id = new TestMembers(dataSource, policies).create("poster1a2b", "Real Name", "p@example.org", joined, true);
 * </pre>
 */
public final class TestMembers {

    private final DataSource dataSource;
    private final PolicyService policies;

    /**
     * Publishes forum rules when none are in effect, as an administrator would: posting needs them
     * accepted (P-FORUM-2), and on a database shared by the run another test may have published some.
     */
    public static void forumRulesInEffect(PolicyService policies, PolicyPublisher publisher) {
        if (policies.current(PolicyKind.FORUM_RULES).isEmpty()) {
            publisher.publish(new PolicyDraft(PolicyKind.FORUM_RULES, "Be kind; no advertisements; stay on topic.",
                    LocalDate.now(ZoneOffset.UTC), null, false), null);
        }
    }

    public TestMembers(DataSource dataSource, PolicyService policies) {
        this.dataSource = Objects.requireNonNull(dataSource);
        this.policies = Objects.requireNonNull(policies);
    }

    /**
     * Writes a member who confirmed their age when joining at {@code joined} and, if {@code verified},
     * verified their email then; their password cannot sign in.
     *
     * @return the member's id
     */
    public long create(String username, String realName, String email, OffsetDateTime joined, boolean verified) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("insert into member (name, username, username_key, email, email_key, password_hash,"
                    + " created_at, age_confirmed_at, email_verified_at) values (?, ?, ?, ?, ?, 'x', ?, ?, ?)")) {
                s.setString(1, realName);
                s.setString(2, username);
                s.setString(3, username.toLowerCase(Locale.ROOT));
                s.setString(4, email);
                s.setString(5, email.toLowerCase(Locale.ROOT));
                s.setObject(6, joined);
                s.setObject(7, joined);
                s.setObject(8, verified ? joined : null);
                s.executeUpdate();
            }
            long id;
            try (PreparedStatement s = c.prepareStatement("select id from member where username_key = ?")) {
                s.setString(1, username.toLowerCase(Locale.ROOT));
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    id = r.getLong(1);
                }
            }
            policies.current(PolicyKind.PRIVACY_POLICY).ifPresent(v -> policies.accept(id, PolicyKind.PRIVACY_POLICY, v.number(), "test"));
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the test member " + username, e);
        }
    }
}
