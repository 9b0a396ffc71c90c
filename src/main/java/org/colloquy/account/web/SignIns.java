package org.colloquy.account.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.colloquy.account.MemberSessions;
import org.colloquy.account.Tokens;
import org.colloquy.account.security.PendingSecondFactor;
import org.colloquy.account.security.PendingStep;
import org.colloquy.account.security.SignedIn;
import org.colloquy.platform.web.ClientAddresses;

/**
 * Starts and ends signed-in sessions. Signing in gives the HTTP session a new id (so an id known
 * before sign-in is worthless after it) and opens a member session row; signing out ends that row
 * and invalidates the HTTP session on the server.
 */
@ApplicationScoped
public class SignIns {

    @Inject
    private MemberSessions sessions;

    @Inject
    private ClientAddresses addresses;

    public void establish(HttpServletRequest request, long memberId) {
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        session.removeAttribute(PendingSecondFactor.ATTRIBUTE);
        String id = sessions.open(memberId, ClientLabel.of(request.getHeader("User-Agent")), addresses.of(request));
        session.setAttribute(SignedIn.ATTRIBUTE, new SignedIn(id, Tokens.newToken()));
    }

    public void signOut(HttpServletRequest request) {
        currentSessionId(request).ifPresent(sessions::end);
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        try {
            request.logout();
        } catch (ServletException e) {
            throw new IllegalStateException("Could not sign out of the container", e);
        }
    }

    public Optional<String> currentSessionId(HttpServletRequest request) {
        return signedIn(request).map(SignedIn::memberSessionId);
    }

    public Optional<SignedIn> signedIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(SignedIn.ATTRIBUTE) instanceof SignedIn signedIn
                ? Optional.of(signedIn) : Optional.empty();
    }

    /**
     * Whether the request's {@code token} parameter is this session's form token: a plain (non-Faces)
     * POST form carries it, so another site cannot make a signed-in browser submit the form.
     */
    public boolean hasFormToken(HttpServletRequest request) {
        String token = request.getParameter("token");
        return token != null && signedIn(request)
                .filter(s -> MessageDigest.isEqual(s.formToken().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8)))
                .isPresent();
    }

    /** The sign-in step kept in this session under the attribute, unless there is none or it has expired. */
    public <T extends PendingStep> Optional<T> pending(HttpServletRequest request, String attribute, Class<T> type) {
        HttpSession session = request.getSession(false);
        Object step = session == null ? null : session.getAttribute(attribute);
        return type.isInstance(step) && !type.cast(step).isExpired(OffsetDateTime.now(ZoneOffset.UTC))
                ? Optional.of(type.cast(step)) : Optional.empty();
    }

    /** After the right password, the member still gives a code: kept for {@link PendingStep#LIFETIME}; the code page asks. */
    public void awaitSecondFactor(HttpServletRequest request, long memberId, String next) {
        request.getSession(true).setAttribute(PendingSecondFactor.ATTRIBUTE, new PendingSecondFactor(memberId, next,
                OffsetDateTime.now(ZoneOffset.UTC).plus(PendingStep.LIFETIME)));
    }

    /** A path on this site to go to after signing in; anything else (another site, a script) becomes the home page. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return next;
    }
}
