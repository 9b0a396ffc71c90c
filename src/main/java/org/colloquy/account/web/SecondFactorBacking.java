package org.colloquy.account.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.colloquy.account.AccountService;
import org.colloquy.account.security.PendingSecondFactor;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.throttle.TooManyAttemptsException;
import org.colloquy.platform.throttle.web.TooManyAttempts;
import org.colloquy.platform.web.FormErrors;
import org.omnifaces.util.Faces;

/**
 * The second step of signing in: a code from the authenticator app or a recovery code. Without a
 * fresh first step (right password in the last five minutes) the page sends the visitor back to sign in.
 */
@Named
@RequestScoped
public class SecondFactorBacking {

    @Inject
    private AccountService accounts;

    @Inject
    private SignIns signIns;

    @Inject
    private HttpServletRequest request;

    private String code;

    /** View action: the page makes sense only in the middle of a sign-in. */
    public void requirePending() {
        if (pending() == null) {
            Faces.redirect(Faces.getRequestContextPath() + "/sign-in");
        }
    }

    public String verify() {
        PendingSecondFactor pending = pending();
        if (pending == null) {
            Faces.redirect(Faces.getRequestContextPath() + "/sign-in");
            return null;
        }
        boolean accepted;
        try {
            accepted = accounts.checkSecondFactor(pending.memberId(), code);
        } catch (TooManyAttemptsException e) {
            TooManyAttempts.respond(e.retryAfter());
            return null;
        }
        if (!accepted) {
            FormErrors.show("secondFactor", java.util.Map.of("code", Texts.get("signIn.code.wrong")));
            return null;
        }
        signIns.establish(request, pending.memberId());
        Faces.redirect(Faces.getRequestContextPath() + pending.next());
        return null;
    }

    private PendingSecondFactor pending() {
        return signIns.pending(request, PendingSecondFactor.ATTRIBUTE, PendingSecondFactor.class).orElse(null);
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
