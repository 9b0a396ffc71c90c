package org.colloquy.profile.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.colloquy.account.MemberDirectory;
import org.colloquy.profile.ProfileService;

/**
 * A member's profile page, {@code /u/{username}}, as the visitor may see it ({@link ProfileService#page}).
 * A current username shows the page; a username the member gave up in the last 30 days redirects
 * permanently to the new one (links in old posts keep working); anything else is not found. The
 * page is a transient view: an anonymous visitor gets no session (decision 0003).
 */
@WebServlet("/u/*")
public class ProfilePageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Request attribute holding the {@link org.colloquy.profile.ProfilePage} the view renders. */
    public static final String PAGE = "colloquy.profilePage";

    @Inject
    private transient MemberDirectory directory;

    @Inject
    private transient ProfileService profiles;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String path = request.getPathInfo();
        String username = path == null || path.length() < 2 || path.indexOf('/', 1) >= 0 ? null : path.substring(1);
        MemberDirectory.Lookup lookup = directory.lookup(username);
        if (lookup.isFound()) {
            request.setAttribute(PAGE, profiles.page(lookup.member()));
            request.getRequestDispatcher("/WEB-INF/views/profile.xhtml").forward(request, response);
        } else if (lookup.isMoved()) {
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            response.setHeader("Location", request.getContextPath() + "/u/" + URLEncoder.encode(lookup.movedTo(), StandardCharsets.UTF_8));
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
