package org.colloquy.moderation;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.colloquy.account.MemberDirectory;
import org.colloquy.forum.CategoryDraft;
import org.colloquy.forum.ForumCategory;
import org.colloquy.forum.ForumService;
import org.colloquy.forum.ForumWriter;
import org.colloquy.forum.HeldPosts;
import org.colloquy.forum.Topic;
import org.colloquy.forum.Visibility;
import org.colloquy.platform.persistence.DatabaseMigrator;
import org.colloquy.policy.PolicyKind;
import org.colloquy.policy.PolicyPublisher;
import org.colloquy.policy.PolicyService;
import org.colloquy.test.TestMembers;

/**
 * Deployed only by tests, in the test portal's WAR (see {@code Deployments.portalTestWar}); every
 * answer is plain text.
 * <ul>
 * <li>{@code POST /test/moderation/topic} {@code slug}: a public forum, the forum rules if none
 * are in effect, and a topic in it by an established member; answers {@code topicId path}.</li>
 * <li>{@code POST /test/moderation/held} {@code count}: how many first posts are held on this node
 * ({@link HeldPosts}); browser tests put it back to 0.</li>
 * <li>{@code POST /test/moderation/grant} {@code username}, optional {@code role=ADMIN}: the member becomes a moderator
 * (or an administrator).</li>
 * <li>{@code POST /test/moderation/sanction} {@code username, kind (SILENCE or SUSPEND), reason, days}: an established
 * moderator sanctions the member as abusive for that many days; answers the end as the member is shown it.</li>
 * <li>{@code POST /test/moderation/expire} {@code username}: the member's silence and dated suspension, where they have
 * them, ended a minute ago, as if their days had passed (decision 0028: nothing clears them, the end is compared with the
 * clock); an open-ended suspension stays.</li>
 * <li>{@code POST /test/moderation/age} {@code username}: the member joined ten days ago (established).</li>
 * <li>{@code POST /test/moderation/flags} {@code topic, number, count}: that many established
 * members flag the post as abusive; answers the post's id.</li>
 * <li>{@code POST /test/moderation/notices} {@code username, count}: that many plain notices for the member
 * (to page the notice list).</li>
 * </ul>
 */
@WebServlet("/test/moderation/*")
public class ModerationTestServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Resource(lookup = DatabaseMigrator.DATA_SOURCE)
    transient DataSource dataSource;

    @Inject
    transient ForumWriter writer;

    @Inject
    transient ForumService forum;

    @Inject
    transient ModerationDesk desk;

    @Inject
    transient HeldPosts heldPosts;

    @Inject
    transient MemberDirectory directory;

    @Inject
    transient PolicyService policies;

    @Inject
    transient PolicyPublisher publisher;

    @Inject
    transient jakarta.enterprise.event.Event<org.colloquy.notice.Notify> notify;

    @Resource
    transient jakarta.transaction.UserTransaction transaction;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        String answer = switch (request.getPathInfo()) {
            case "/topic" -> topic(request.getParameter("slug"));
            case "/held" -> {
                heldPosts.setCount(Integer.parseInt(request.getParameter("count")));
                yield "ok";
            }
            case "/grant" -> {
                String role = "ADMIN".equals(request.getParameter("role")) ? "ADMIN" : "MODERATOR";
                update("insert into member_role (member_id, role) values (?, '" + role + "')", id(request.getParameter("username")));
                yield "ok";
            }
            case "/sanction" -> sanction(id(request.getParameter("username")), Sanction.valueOf(request.getParameter("kind")),
                    request.getParameter("reason"), Integer.parseInt(request.getParameter("days")));
            case "/expire" -> {
                long member = id(request.getParameter("username"));
                update("update member set silenced_until = current_timestamp - interval '1' minute"
                        + " where id = ? and silenced_until is not null", member);
                update("update member set suspended_until = current_timestamp - interval '1' minute"
                        + " where id = ? and suspended_until is not null", member);
                yield "ok";
            }
            case "/age" -> {
                update("update member set created_at = created_at - interval '10' day where id = ?", id(request.getParameter("username")));
                yield "ok";
            }
            case "/notices" -> notices(id(request.getParameter("username")), Integer.parseInt(request.getParameter("count")));
            case "/flags" -> flags(Long.parseLong(request.getParameter("topic")), Integer.parseInt(request.getParameter("number")),
                    Integer.parseInt(request.getParameter("count")));
            default -> null;
        };
        if (answer == null) {
            response.sendError(404);
            return;
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(answer);
    }

    private String topic(String slug) {
        TestMembers.forumRulesInEffect(policies, publisher);
        ForumCategory category = writer.createCategory(new CategoryDraft("Moderated " + slug, slug, "Where moderation is tried",
                null, Visibility.PUBLIC, 40));
        long opener = established("opener");
        Topic topic = writer.startTopic(opener, category.id(), "Welcome thread " + slug, "Introduce yourself here.");
        return topic.id() + " " + topic.path();
    }

    private String notices(long memberId, int count) {
        try {
            transaction.begin();
            for (int i = 1; i <= count; i++) {
                notify.fire(new org.colloquy.notice.Notify(memberId, org.colloquy.notice.Notice.Kind.MODERATION, "Test notice " + i,
                        "A notice made by a test", null, null));
            }
            transaction.commit();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return "ok";
    }

    private String flags(long topicId, int number, int count) {
        long postId = forum.topic(topicId, 1).posts().stream().filter(r -> r.post().number() == number).findFirst().orElseThrow()
                .post().id();
        for (int i = 0; i < count; i++) {
            desk.flag(established("flagger"), postId, FlagReason.ABUSIVE, null);
        }
        return Long.toString(postId);
    }

    /** An established moderator silences or suspends the member for that many days; answers the end as people read it. */
    private String sanction(long memberId, Sanction kind, String reason, int days) {
        long moderator = established("sanctioner");
        update("insert into member_role (member_id, role) values (?, 'MODERATOR')", moderator);
        OffsetDateTime until = OffsetDateTime.now(ZoneOffset.UTC).plusDays(days);
        desk.sanction(moderator, memberId, kind, FlagReason.ABUSIVE, reason, until);
        return org.colloquy.account.MemberSanctions.when(until);
    }

    /** A verified member who joined ten days ago and accepted the policies and forum rules in effect. */
    private long established(String prefix) {
        String username = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        long member = new TestMembers(dataSource, policies).create(username, "Real " + username, username + "@example.org",
                OffsetDateTime.now(ZoneOffset.UTC).minusDays(10), true);
        policies.accept(member, PolicyKind.FORUM_RULES, policies.current(PolicyKind.FORUM_RULES).orElseThrow().number(), "test");
        return member;
    }

    private long id(String username) {
        return directory.idOf(username).orElseThrow(() -> new IllegalArgumentException("No member " + username));
    }

    private void update(String sql, long id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
