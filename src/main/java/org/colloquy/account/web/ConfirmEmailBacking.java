package org.colloquy.account.web;

import java.io.Serializable;

import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.account.AccountService;
import org.colloquy.account.AccountSettingsService;
import org.colloquy.account.TokenPurpose;
import org.omnifaces.cdi.ViewScoped;

/** The page a "confirm your new address" link opens; a button makes the change. */
@Named
@ViewScoped
public class ConfirmEmailBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private AccountService accounts;

    @Inject
    private AccountSettingsService settings;

    private String token;
    private Boolean confirmed;

    public boolean isUsable() {
        return accounts.isUsable(token, TokenPurpose.CHANGE_EMAIL);
    }

    public String confirm() {
        confirmed = settings.confirmEmailChange(token).isPresent();
        return null;
    }

    public Boolean getConfirmed() {
        return confirmed;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }
}
