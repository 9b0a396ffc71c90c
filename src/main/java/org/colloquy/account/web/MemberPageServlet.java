package org.colloquy.account.web;

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

/**
 * The address of a member's page, {@code /u/{username}}. A current username shows the page; a
 * username the member gave up in the last 30 days redirects permanently to the new one (links
 * in old posts keep working); anything else is not found.
 */
@WebServlet("/u/*")
public class MemberPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Request attribute holding the {@link MemberDirectory.PublicMember} the page shows. */
    public static final String MEMBER = "colloquy.publicMember";

    @Inject
    private MemberDirectory directory;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String path = request.getPathInfo();
        String username = path == null || path.length() < 2 || path.indexOf('/', 1) >= 0 ? null : path.substring(1);
        MemberDirectory.Lookup lookup = directory.lookup(username);
        if (lookup.isFound()) {
            request.setAttribute(MEMBER, lookup.member());
            request.getRequestDispatcher("/WEB-INF/views/member.xhtml").forward(request, response);
        } else if (lookup.isMoved()) {
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            response.setHeader("Location", request.getContextPath() + "/u/" + URLEncoder.encode(lookup.movedTo(), StandardCharsets.UTF_8));
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
