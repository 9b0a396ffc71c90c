package org.colloquy.forum;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.colloquy.policy.PolicyPublisher;
import org.colloquy.policy.PolicyService;
import org.colloquy.test.TestMembers;

/**
 * Deployed only by tests, in the test portal's WAR (see {@code Deployments.portalTestWar}); answers
 * {@code text/plain}.
 * <ul>
 * <li>{@code POST /test/forum/category} {@code slug}: opens a public forum of that slug (and publishes
 *     forum rules when none are in effect); answers the slug.</li>
 * <li>{@code POST /test/forum/sweep}: mails watchers now instead of at the next interval; answers the
 *     number of mails queued.</li>
 * </ul>
 */
@WebServlet({"/test/forum/category", "/test/forum/sweep"})
public class ForumWatchTestServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ForumWriter writer;

    @Inject
    transient WatchSweep sweep;

    @Inject
    transient PolicyService policies;

    @Inject
    transient PolicyPublisher publisher;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String answer;
        switch (request.getServletPath()) {
            case "/test/forum/category" -> {
                TestMembers.forumRulesInEffect(policies, publisher);
                String slug = request.getParameter("slug");
                answer = writer.createCategory(new CategoryDraft("Watched forum " + slug, slug, "A forum to watch", null,
                        Visibility.PUBLIC, 50)).slug();
            }
            case "/test/forum/sweep" -> answer = Integer.toString(sweep.sweep());
            default -> {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(answer);
    }
}
