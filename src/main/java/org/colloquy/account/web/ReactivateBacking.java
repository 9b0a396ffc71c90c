package org.colloquy.account.web;


import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.colloquy.account.AccountService;
import org.colloquy.account.SignInResult;
import org.colloquy.account.security.PendingReactivation;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.web.FormErrors;
import org.omnifaces.util.Faces;

/**
 * {@code /reactivate}: after the right password for a deactivated account, the member chooses to
 * reactivate it (and goes on signing in, through the second factor if they have one) or to leave it
 * as it is. Without a fresh first step the page sends the visitor back to sign in.
 */
@Named
@RequestScoped
public class ReactivateBacking {

    @Inject
    private AccountService accounts;

    @Inject
    private SignIns signIns;

    @Inject
    private HttpServletRequest request;

    /** View action: the page makes sense only in the middle of a sign-in. */
    public void requirePending() {
        if (pending() == null) {
            Faces.redirect(Faces.getRequestContextPath() + "/sign-in");
        }
    }

    public String reactivate() {
        PendingReactivation pending = pending();
        if (pending == null) {
            Faces.redirect(Faces.getRequestContextPath() + "/sign-in");
            return null;
        }
        request.getSession().removeAttribute(PendingReactivation.ATTRIBUTE);
        SignInResult result = accounts.reactivate(pending.memberId());
        switch (result.status()) {
            case SIGNED_IN -> {
                signIns.establish(request, pending.memberId());
                Faces.redirect(Faces.getRequestContextPath() + pending.next());
            }
            case NEEDS_SECOND_FACTOR -> {
                signIns.awaitSecondFactor(request, pending.memberId(), pending.next());
                Faces.redirect(Faces.getRequestContextPath() + "/sign-in-code");
            }
            default -> FormErrors.general("reactivate", result.suspendedUntil() == null ? Texts.get("signIn.suspended", result.suspensionReason())
                    : Texts.get("signIn.suspendedUntil", result.suspensionReason(), org.colloquy.account.MemberSanctions.when(result.suspendedUntil())));
        }
        return null;
    }

    /** "Keep it deactivated": forgets the first step and goes home. */
    public String keepDeactivated() {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(PendingReactivation.ATTRIBUTE);
        }
        Faces.redirect(Faces.getRequestContextPath() + "/");
        return null;
    }

    private PendingReactivation pending() {
        return signIns.pending(request, PendingReactivation.ATTRIBUTE, PendingReactivation.class).orElse(null);
    }
}
