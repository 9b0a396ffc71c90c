package org.colloquy.account.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.colloquy.account.MemberSessions;
import org.colloquy.account.Role;
import org.colloquy.account.security.MemberAuthenticationMechanism;

/**
 * The signed-in member of this request as pages see it ({@code #{currentMember...}}): whether
 * someone is signed in, their username, and what the header and banners need to know.
 */
@Named
@RequestScoped
public class CurrentMember {

    @Inject
    private HttpServletRequest request;

    @Inject
    private SignIns signIns;

    @Inject
    private MemberSessions sessions;

    private MemberSessions.Resolved resolved() {
        return (MemberSessions.Resolved) request.getAttribute(MemberAuthenticationMechanism.RESOLVED);
    }

    /**
     * Reads the member's state again after an action of this request changed it (a new username,
     * a second factor that gives back staff roles), so that the page rendered now already shows it.
     */
    public void refresh() {
        signIns.currentSessionId(request).flatMap(sessions::resolve)
                .ifPresent(session -> request.setAttribute(MemberAuthenticationMechanism.RESOLVED, session));
    }

    public boolean isSignedIn() {
        return resolved() != null;
    }

    public String getUsername() {
        return isSignedIn() ? resolved().username() : null;
    }

    public boolean isEmailUnverified() {
        return isSignedIn() && !resolved().emailVerified();
    }

    public boolean isSecondFactorMissing() {
        return isSignedIn() && resolved().secondFactorMissing();
    }

    /** The token the header's sign-out form sends back ({@link SignOutServlet}). */
    public String getFormToken() {
        return signIns.signedIn(request).map(signedIn -> signedIn.formToken()).orElse("");
    }

    public boolean isAdmin() {
        return isSignedIn() && resolved().roles().contains(Role.ADMIN);
    }

    /** Moderators and administrators: the header links to the review queue. */
    public boolean isModerator() {
        return isSignedIn() && (resolved().roles().contains(Role.MODERATOR) || resolved().roles().contains(Role.ADMIN));
    }

    /** Holds PRIVACY_OFFICER or ADMIN in force now (the privacy office's queues, issue 12). */
    public boolean isPrivacyOfficer() {
        return isSignedIn() && (resolved().roles().contains(Role.PRIVACY_OFFICER) || resolved().roles().contains(Role.ADMIN));
    }
}
