package org.colloquy.forum.web;

import java.io.IOException;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.colloquy.forum.ForumService;
import org.colloquy.forum.ForumViews;
import org.colloquy.forum.NoSuchForumItemException;

/**
 * The addresses of the forums: {@code /c/{slug}?page=N} a category's topics and
 * {@code /t/{id}/{slug}?page=N} a topic's posts. The page is read here, once, and handed to a
 * transient view; a topic address with another slug (the title changed) redirects permanently to
 * the right one, and anything not found or not readable by the caller is "not found".
 */
@WebServlet({"/c/*", "/t/*"})
public class ForumPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Request attribute holding the {@link ForumViews.TopicList} of a category page. */
    public static final String TOPICS = "colloquy.forumTopics";

    /** Request attribute holding the {@link ForumViews.TopicPage} of a topic page. */
    public static final String TOPIC = "colloquy.forumTopic";

    /** How long a shared cache may keep an anonymous forum page. */
    static final int SHARED_CACHE_SECONDS = 30;

    @Inject
    private ForumService forum;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        Optional<Integer> page = page(request.getParameter("page"));
        if (page.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try {
            if (request.getServletPath().equals("/c")) {
                if (!path.matches("/[a-z0-9-]{1,40}")) {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                    return;
                }
                request.setAttribute(TOPICS, forum.topics(path.substring(1), page.get()));
                allowSharedCaching(request, response);
                request.getRequestDispatcher("/WEB-INF/views/forum-category.xhtml").forward(request, response);
            } else {
                if (!path.matches("/[1-9][0-9]{0,17}(/[^/]*)?")) {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                    return;
                }
                int slash = path.indexOf('/', 1);
                long id = Long.parseLong(slash < 0 ? path.substring(1) : path.substring(1, slash));
                String slug = slash < 0 ? "" : path.substring(slash + 1);
                ForumViews.TopicPage topic = forum.topic(id, page.get());
                if (!slug.equals(topic.topic().slug())) {
                    response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
                    response.setHeader("Location", request.getContextPath() + topic.topic().path(page.get()));
                    return;
                }
                request.setAttribute(TOPIC, topic);
                allowSharedCaching(request, response);
                request.getRequestDispatcher("/WEB-INF/views/forum-topic.xhtml").forward(request, response);
            }
        } catch (NoSuchForumItemException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    /**
     * A page read without an HTTP session is the same for every anonymous reader (decision 0003):
     * a shared cache (the reverse proxy) may keep it for 30 s. Within a session (a signed-in
     * member, a half-filled form) SecurityHeadersFilter has already made it {@code no-store}, and
     * that stays. {@code Vary: Cookie} keeps a cache from answering a request that carries a
     * session cookie with the anonymous copy.
     */
    static void allowSharedCaching(HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) == null) {
            response.setHeader("Cache-Control", "public, max-age=" + SHARED_CACHE_SECONDS);
            response.setHeader("Vary", "Cookie");
        }
    }

    /** No parameter is page 1; "2" is 2; anything else is no page. */
    static Optional<Integer> page(String parameter) {
        if (parameter == null) {
            return Optional.of(1);
        }
        if (!parameter.matches("[1-9][0-9]{0,6}")) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(parameter));
    }
}
