package org.colloquy.forum;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Deployed only by tests, in the test portal's WAR (see {@code Deployments.portalTestWar}).
 * {@code POST /test/forum/thread} {@code category, title, username, posts}: writes a topic of that
 * many posts by the member at once ({@link ForumTestSupport#thread}); answers the topic's address.
 * {@code POST /test/forum/reply} {@code topic, username, text}: adds a post ({@link ForumTestSupport#reply}).
 */
@WebServlet({"/test/forum/thread", "/test/forum/reply"})
public class ForumTestServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ForumTestSupport support;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        if (request.getServletPath().equals("/test/forum/reply")) {
            support.reply(request.getParameter("topic"), request.getParameter("username"), request.getParameter("text"));
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("ok");
            return;
        }
        String path = support.thread(request.getParameter("category"), request.getParameter("title"),
                request.getParameter("username"), Integer.parseInt(request.getParameter("posts")));
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(path);
    }
}
