package org.colloquy.policy.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.colloquy.platform.security.Caller;
import org.colloquy.platform.web.StaticResources;
import org.colloquy.policy.PolicyService;
import org.colloquy.policy.PolicyVersion;

/**
 * Sends a signed-in member who owes the acceptance of a material change now in effect to
 * {@code /policy-update}, which brings them back afterwards. Until they accept they can still read
 * the public pages (where a banner reminds them), sign in and out, and reach the export and deletion
 * of their account and the policy pages themselves. Visitors who are not signed in are never
 * looked at, so public pages cost nothing more. Services check again where it matters
 * ({@link PolicyService#requireCurrentAcceptance}).
 */
@WebFilter(urlPatterns = "/*")
public class PolicyGateFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** Request attribute: the versions the signed-in member owes (set only when there are some). */
    public static final String OWED = "colloquy.policyOwed";

    public static final String UPDATE_PAGE = "/policy-update";

    /** Paths open whatever is owed: a path equal to one of these, or below it ("/forums/..."). */
    private static final List<String> OPEN = List.of(
            "/", "/index", "/privacy", "/rules", "/cookies", UPDATE_PAGE,
            "/forums", "/events", "/workgroups", "/testimonials", "/u",
            "/sign-in", "/sign-in-code", "/sign-out", "/signed-out", "/reactivate", "/deactivated",
            "/verify", "/confirm-email", "/reset-password", "/forgot-password", "/dev/mailbox");

    /**
     * Open as prefixes ({@code /account/export*}): the member's own data must stay theirs to take or
     * delete, their account theirs to deactivate (P-ACCOUNT-2), and a consent theirs to withdraw at
     * any time (P-CONSENT-1) in the privacy centre.
     */
    private static final List<String> OPEN_PREFIXES = List.of("/account/export", "/account/delete", "/account/deactivate",
            "/account/privacy");

    /** Not pages at all: the API and the operational endpoints answer as they do. */
    private static final List<String> NOT_PAGES = List.of("/api/", "/health", "/metrics", "/openapi");

    @Inject
    private Caller caller;

    @Inject
    private PolicyService policies;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (StaticResources.isRequested(request) || NOT_PAGES.stream().anyMatch(path::startsWith)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Long> member = caller.memberId();
        if (member.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        List<PolicyVersion> owed = policies.owedBy(member.get());
        if (owed.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        request.setAttribute(OWED, owed);
        if (isOpen(path)) {
            chain.doFilter(request, response);
            return;
        }
        redirect(request, response, path);
    }

    static boolean isOpen(String path) {
        String page = path.endsWith(".xhtml") ? path.substring(0, path.length() - ".xhtml".length()) : path;
        if (page.isEmpty() || page.equals("/")) {
            return true;
        }
        return OPEN.stream().filter(open -> !open.equals("/")).anyMatch(open -> page.equals(open) || page.startsWith(open + "/"))
                || OPEN_PREFIXES.stream().anyMatch(page::startsWith);
    }

    private static void redirect(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
        String next = path + (request.getQueryString() == null || !"GET".equals(request.getMethod()) ? "" : "?" + request.getQueryString());
        String location = request.getContextPath() + UPDATE_PAGE + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + location.replace("&", "&amp;").replace("\"", "&quot;") + "\"/></partial-response>");
            return;
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", location);
    }

    /** Where to go after accepting: a path on this site, else the home page. */
    public static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.chars().anyMatch(c -> c < 0x20) || next.startsWith(UPDATE_PAGE)) {
            return "/";
        }
        return next;
    }
}
