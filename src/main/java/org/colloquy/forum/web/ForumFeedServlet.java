package org.colloquy.forum.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.xml.stream.XMLStreamException;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.colloquy.forum.ForumFeeds;
import org.colloquy.forum.NoSuchForumItemException;
import org.colloquy.platform.web.Site;

/**
 * The Atom feeds: {@code /feeds/c/{slug}} the newest posts of a forum, {@code /feeds/t/{id}} the newest
 * posts of a topic. Public forums only (a members-only forum is "not found", whoever asks), so that a
 * feed can be cached by anyone for a few minutes; no session is opened.
 */
@WebServlet("/feeds/*")
public class ForumFeedServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** How long browsers and proxies may keep a feed, in seconds. */
    static final int MAX_AGE = 300;

    @Inject
    private transient ForumFeeds feeds;

    @Inject
    private transient Site site;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        ForumFeeds.Feed feed;
        try {
            if (path.matches("/c/[a-z0-9-]{1,40}")) {
                feed = feeds.category(path.substring(3));
            } else if (path.matches("/t/[1-9][0-9]{0,17}")) {
                feed = feeds.topic(Long.parseLong(path.substring(3)));
            } else {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
        } catch (NoSuchForumItemException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(8192);
        try {
            AtomFeed.write(feed, site.getUrl(), site.getName(), body);
        } catch (XMLStreamException e) {
            throw new IOException("Could not write the feed " + path, e);
        }
        response.setContentType(AtomFeed.CONTENT_TYPE);
        response.setHeader("Cache-Control", "public, max-age=" + MAX_AGE);
        response.setContentLength(body.size());
        body.writeTo(response.getOutputStream());
    }
}
