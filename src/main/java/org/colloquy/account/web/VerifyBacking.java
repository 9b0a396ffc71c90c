package org.colloquy.account.web;

import java.io.Serializable;

import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.account.AccountService;
import org.colloquy.account.TokenPurpose;
import org.omnifaces.cdi.ViewScoped;

/**
 * The page a verification link opens. Opening it changes nothing (mail scanners open links); the
 * member presses a button, which uses the link once.
 */
@Named
@ViewScoped
public class VerifyBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private AccountService accounts;

    private String token;
    private Boolean verified;

    public boolean isUsable() {
        return accounts.isUsable(token, TokenPurpose.VERIFY_EMAIL);
    }

    public String verify() {
        verified = accounts.verifyEmail(token).isPresent();
        return null;
    }

    /** Null before the button, then whether it worked. */
    public Boolean getVerified() {
        return verified;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }
}
