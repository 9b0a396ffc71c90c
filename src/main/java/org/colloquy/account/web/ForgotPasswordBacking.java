package org.colloquy.account.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.colloquy.account.AccountService;
import org.colloquy.platform.throttle.TooManyAttemptsException;
import org.colloquy.platform.throttle.web.TooManyAttempts;
import org.colloquy.platform.web.ClientAddresses;

/** Asks for a reset link. The answer is the same whether or not the address has an account. */
@Named
@RequestScoped
public class ForgotPasswordBacking {

    @Inject
    private AccountService accounts;

    @Inject
    private ClientAddresses addresses;

    @Inject
    private HttpServletRequest request;

    private String email;
    private boolean sent;

    public String send() {
        try {
            accounts.requestPasswordReset(email, addresses.of(request));
            sent = true;
        } catch (TooManyAttemptsException e) {
            TooManyAttempts.respond(e.retryAfter());
        }
        return null;
    }

    public boolean isSent() {
        return sent;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
