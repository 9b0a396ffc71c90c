package org.colloquy.forum;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.colloquy.platform.persistence.DatabaseMigrator;
import org.colloquy.policy.PolicyKind;
import org.colloquy.policy.PolicyPublisher;
import org.colloquy.policy.PolicyService;
import org.colloquy.test.TestMembers;

/**
 * Deployed only by tests, in the test portal's WAR (see {@code Deployments.portalTestWar}): seeds forums
 * for the search and feed browser test without going through the administrator's pages.
 * {@code POST /test/forum/seed} {@code id, word, name, email}: a public forum {@code search-<id>} with a
 * topic whose title holds the word and a reply that mentions it, and a members-only forum
 * {@code hidden-<id>} with a topic about the word, all by one member with that real name and email
 * (which must never be served, P-FORUM-1). With {@code crowd}, also a topic of more posts holding
 * that word than search counts ({@link ForumSearch#COUNTED} + 1). Answers {@code text/plain}: the member's username and the
 * public topic's id and path, one per line.
 */
@WebServlet("/test/forum/seed")
public class ForumSearchTestServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Resource(lookup = DatabaseMigrator.DATA_SOURCE)
    private transient DataSource dataSource;

    @Inject
    private transient ForumWriter writer;

    @Inject
    private transient PolicyService policies;

    @Inject
    private transient PolicyPublisher publisher;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        String id = request.getParameter("id");
        String word = request.getParameter("word");
        TestMembers.forumRulesInEffect(policies, publisher);
        String username = "seeker" + id;
        long member = member(username, request.getParameter("name"), request.getParameter("email"));
        policies.accept(member, PolicyKind.FORUM_RULES, policies.current(PolicyKind.FORUM_RULES).orElseThrow().number(), "test");

        ForumCategory open = writer.createCategory(new CategoryDraft("Search forum " + id, "search-" + id, "Where search is tried",
                null, Visibility.PUBLIC, 90));
        ForumCategory hidden = writer.createCategory(new CategoryDraft("Hidden forum " + id, "hidden-" + id, "Members only",
                null, Visibility.MEMBERS, 91));
        Topic topic = writer.startTopic(member, open.id(), "Caring for a " + word, "A first post about feeding.");
        writer.reply(member, topic.id(), "My " + word + " likes <b>fish</b> & chips.");
        writer.startTopic(member, hidden.id(), "Members talk about " + word, "Only for members: " + word);
        String crowd = request.getParameter("crowd");
        if (crowd != null) {
            Topic crowded = writer.startTopic(member, open.id(), "A crowded topic", "Everyone says " + crowd);
            try {
                ForumTestSupport.insertPosts(dataSource, crowded.id(), member, 1, ForumSearch.COUNTED, "Again " + crowd);
            } catch (java.sql.SQLException e) {
                throw new IOException(e);
            }
        }

        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(username + "\n" + topic.id() + "\n" + topic.path() + "\n");
    }

    private long member(String username, String name, String email) {
        OffsetDateTime joined = OffsetDateTime.now(ZoneOffset.UTC).minusDays(2);
        return new TestMembers(dataSource, policies).create(username, name, email, joined, true);
    }
}
