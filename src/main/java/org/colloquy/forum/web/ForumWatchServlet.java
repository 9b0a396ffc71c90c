package org.colloquy.forum.web;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.colloquy.account.web.SignIns;
import org.colloquy.forum.ForumService;
import org.colloquy.forum.NoSuchForumItemException;

/**
 * {@code POST /forum/watch}: the Watch / Stop watching buttons of the topic and category pages, a
 * small form ({@code topic} or {@code forum} id, {@code watch} true or false, {@code back} the page
 * to return to) carrying the session's form token like the sign-out form, so another site cannot
 * post it. The public pages stay transient views without a Faces form; a member's click answers
 * with a redirect back to the page, which shows the new state.
 */
@WebServlet("/forum/watch")
public class ForumWatchServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Only a forum page of this site to return to: never another host. */
    static final Pattern BACK = Pattern.compile("/(t/[1-9][0-9]{0,17}/[a-z0-9-]{0,80}|c/[a-z0-9-]{1,40})(\\?page=[1-9][0-9]{0,6})?");

    @Inject
    private transient SignIns signIns;

    @Inject
    private transient ForumService forum;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!signIns.hasFormToken(request)) {
            response.sendRedirect(request.getContextPath() + "/sign-in");
            return;
        }
        boolean watch = Boolean.parseBoolean(request.getParameter("watch"));
        String back = request.getParameter("back");
        try {
            if (request.getParameter("topic") != null) {
                forum.watchTopic(Long.parseLong(request.getParameter("topic")), watch);
            } else if (request.getParameter("forum") != null) {
                forum.watchCategory(Long.parseLong(request.getParameter("forum")), watch);
            } else {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                return;
            }
        } catch (NumberFormatException | NoSuchForumItemException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + (back != null && BACK.matcher(back).matches() ? back : "/forums"));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + "/forums");
    }
}
