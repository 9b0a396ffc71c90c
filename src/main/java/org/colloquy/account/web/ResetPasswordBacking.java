package org.colloquy.account.web;

import java.io.Serializable;

import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.account.AccountService;
import org.colloquy.account.TokenPurpose;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.platform.web.FormErrors;
import org.omnifaces.cdi.ViewScoped;

/** Sets a new password through a mailed link; every session of the member ends. */
@Named
@ViewScoped
public class ResetPasswordBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private AccountService accounts;

    private String token;
    private String password;
    private boolean done;
    private boolean expired;

    public boolean isUsable() {
        return !done && accounts.isUsable(token, TokenPurpose.RESET_PASSWORD);
    }

    public String reset() {
        try {
            done = accounts.resetPassword(token, password == null ? new char[0] : password.toCharArray());
            expired = !done;
        } catch (InvalidInputException e) {
            FormErrors.show("reset", e.problems());
        }
        password = null;
        return null;
    }

    public boolean isDone() {
        return done;
    }

    public boolean isExpired() {
        return expired;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
