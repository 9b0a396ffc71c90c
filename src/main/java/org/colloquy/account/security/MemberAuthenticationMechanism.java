package org.colloquy.account.security;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.colloquy.account.MemberSessions;
import org.colloquy.account.Role;
import org.colloquy.platform.security.MemberPrincipal;
import org.colloquy.platform.web.StaticResources;

/**
 * Tells the container who is signed in, on every request: the HTTP session names a member
 * session ({@link SignedIn}), and the database says whether it is still live and which roles
 * hold now. A session ended anywhere (sign-out, another device, password reset, suspension) is
 * thus refused on every node at once, and a role granted or revoked counts from the next request.
 * A visitor who is not signed in and asks for a protected page is sent to the sign-in page.
 */
@ApplicationScoped
public class MemberAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** Request attribute holding the {@link MemberSessions.Resolved} session of this request. */
    public static final String RESOLVED = "colloquy.resolvedSession";

    @Inject
    private MemberSessions sessions;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (StaticResources.isRequested(request)) {
            return context.doNothing();
        }
        HttpSession http = request.getSession(false);
        if (http != null && http.getAttribute(SignedIn.ATTRIBUTE) instanceof SignedIn signedIn) {
            Optional<MemberSessions.Resolved> resolved = sessions.resolve(signedIn.memberSessionId());
            if (resolved.isPresent()) {
                MemberSessions.Resolved session = resolved.get();
                request.setAttribute(RESOLVED, session);
                Set<String> groups = session.roles().stream().map(Role::name).collect(Collectors.toSet());
                return context.notifyContainerAboutLogin(new MemberPrincipal(session.memberId(), session.username()), groups);
            }
            http.invalidate();
        }
        if (context.isProtected()) {
            return redirectToSignIn(request, response, context);
        }
        return context.doNothing();
    }

    private static AuthenticationStatus redirectToSignIn(HttpServletRequest request, HttpServletResponse response,
                                                         HttpMessageContext context) {
        String next = request.getRequestURI().substring(request.getContextPath().length());
        if (request.getQueryString() != null) {
            next += "?" + request.getQueryString();
        }
        String location = request.getContextPath() + "/sign-in?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            // An Ajax request cannot follow a 302; Faces' own redirect answer makes the page go there.
            try {
                response.setContentType("text/xml");
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                        + location.replace("&", "&amp;").replace("\"", "&quot;") + "\"/></partial-response>");
                return AuthenticationStatus.SEND_CONTINUE;
            } catch (IOException e) {
                throw new IllegalStateException("Could not answer an Ajax request with a redirect", e);
            }
        }
        return context.redirect(location);
    }
}
