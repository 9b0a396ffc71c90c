package org.colloquy.account.web;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.colloquy.account.AccountService;
import org.colloquy.account.SignInResult;
import org.colloquy.account.security.PendingReactivation;
import org.colloquy.account.security.PendingStep;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.throttle.web.TooManyAttempts;
import org.colloquy.platform.web.ClientAddresses;
import org.colloquy.platform.web.FormErrors;
import org.omnifaces.util.Faces;

/**
 * The sign-in form: username or email, and password. A wrong login gets one message that does
 * not say which part was wrong or whether the account exists. A member with a second factor goes
 * on to the code page, one who deactivated their account to the reactivation page; everyone else
 * lands where they were going.
 */
@Named
@RequestScoped
public class SignInBacking {

    @Inject
    private AccountService accounts;

    @Inject
    private SignIns signIns;

    @Inject
    private ClientAddresses addresses;

    @Inject
    private HttpServletRequest request;

    private String login;
    private String password;
    private String next;

    public String signIn() {
        SignInResult result = accounts.signIn(login, password == null ? new char[0] : password.toCharArray(),
                addresses.of(request));
        password = null;
        switch (result.status()) {
            case SIGNED_IN -> {
                signIns.establish(request, result.memberId());
                Faces.redirect(Faces.getRequestContextPath() + SignIns.safeNext(next));
            }
            case NEEDS_SECOND_FACTOR -> {
                signIns.awaitSecondFactor(request, result.memberId(), SignIns.safeNext(next));
                Faces.redirect(Faces.getRequestContextPath() + "/sign-in-code");
            }
            case FAILED -> FormErrors.general("signIn", Texts.get("signIn.failed"));
            case SUSPENDED -> FormErrors.general("signIn", result.suspendedUntil() == null ? Texts.get("signIn.suspended", result.suspensionReason())
                    : Texts.get("signIn.suspendedUntil", result.suspensionReason(), org.colloquy.account.MemberSanctions.when(result.suspendedUntil())));
            case DEACTIVATED -> {
                request.getSession(true).setAttribute(PendingReactivation.ATTRIBUTE, new PendingReactivation(
                        result.memberId(), SignIns.safeNext(next), OffsetDateTime.now(ZoneOffset.UTC).plus(PendingStep.LIFETIME)));
                Faces.redirect(Faces.getRequestContextPath() + "/reactivate");
            }
            case THROTTLED -> TooManyAttempts.respond(result.retryAfter());
        }
        return null;
    }

    public String getLogin() {
        return login;
    }

    public void setLogin(String login) {
        this.login = login;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
