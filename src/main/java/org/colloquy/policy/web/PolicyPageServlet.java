package org.colloquy.policy.web;

import java.io.IOException;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.colloquy.policy.PolicyKind;
import org.colloquy.policy.PolicyService;
import org.colloquy.policy.PolicyVersion;

/**
 * The addresses of a document's versions: {@code /privacy/v/2} shows version 2 (with a note when it
 * is not the current one), {@code /privacy/versions} lists them all; likewise for {@code /rules} and
 * {@code /cookies}. A number never published is not found. The pages are transient views.
 */
@WebServlet({"/privacy/v/*", "/rules/v/*", "/cookies/v/*", "/privacy/versions", "/rules/versions", "/cookies/versions"})
public class PolicyPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Request attribute holding the {@link PolicyVersion} of a version page. */
    static final String VERSION = "colloquy.policyVersion";

    /** Request attribute holding the {@link PolicyKind} of a list of versions. */
    static final String KIND = "colloquy.policyKind";

    @Inject
    private PolicyService policies;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String servletPath = request.getServletPath();
        String slug = servletPath.substring(1, servletPath.indexOf('/', 1));
        PolicyKind kind = PolicyKind.ofSlug(slug).orElseThrow();
        if (servletPath.endsWith("/versions")) {
            request.setAttribute(KIND, kind);
            request.getRequestDispatcher("/WEB-INF/views/policy-versions.xhtml").forward(request, response);
            return;
        }
        Optional<PolicyVersion> version = number(request.getPathInfo()).flatMap(n -> policies.version(kind, n));
        if (version.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        request.setAttribute(VERSION, version.get());
        request.getRequestDispatcher("/WEB-INF/views/policy-version.xhtml").forward(request, response);
    }

    /** "/2" is 2; anything else (none, "/02x", "/2/more", a huge number) is no number. */
    static Optional<Integer> number(String pathInfo) {
        if (pathInfo == null || !pathInfo.matches("/[1-9][0-9]{0,8}")) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(pathInfo.substring(1)));
    }
}
