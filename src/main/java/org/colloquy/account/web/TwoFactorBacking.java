package org.colloquy.account.web;

import java.io.Serializable;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.account.AccountSettingsService;
import org.colloquy.account.TwoFactorService;
import org.colloquy.account.twofactor.Totp;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.throttle.TooManyAttemptsException;
import org.colloquy.platform.throttle.web.TooManyAttempts;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.platform.web.FormErrors;
import org.colloquy.platform.web.Site;
import org.omnifaces.cdi.ViewScoped;

/**
 * Setting up, renewing and turning off the authenticator app. The new secret lives only in this
 * view until a code from the app proves the member stored it; recovery codes are shown once.
 */
@Named
@ViewScoped
public class TwoFactorBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private TwoFactorService twoFactor;

    @Inject
    private AccountSettingsService settings;

    @Inject
    private Totp totp;

    @Inject
    private Site site;

    @Inject
    private CurrentMember currentMember;

    private boolean enabled;
    private String username;
    private String pendingSecret;
    private String code;
    private String password;
    private List<String> recoveryCodes;

    @PostConstruct
    void load() {
        var me = settings.me();
        enabled = me.hasTotp();
        username = me.username();
    }

    public String start() {
        pendingSecret = totp.newSecret();
        return null;
    }

    public String confirm() {
        try {
            recoveryCodes = twoFactor.enable(pendingSecret, code);
            pendingSecret = null;
            enabled = true;
            currentMember.refresh();
            FormErrors.done("codes", Texts.get("twoFactor.enabled"));
        } catch (InvalidInputException e) {
            FormErrors.show("setup", e.problems());
        }
        code = null;
        return null;
    }

    public String regenerate() {
        return withPassword(() -> {
            recoveryCodes = twoFactor.regenerateRecoveryCodes(chars(password));
            FormErrors.done("codes", Texts.get("twoFactor.regenerated"));
        });
    }

    public String disable() {
        return withPassword(() -> {
            twoFactor.disable(chars(password));
            enabled = false;
            currentMember.refresh();
            recoveryCodes = null;
            FormErrors.done("status", Texts.get("twoFactor.disabled"));
        });
    }

    /** Runs a change that the current password of the "manage" form authorises, then forgets the password. */
    private String withPassword(Runnable change) {
        try {
            change.run();
        } catch (InvalidInputException e) {
            FormErrors.show("manage", e.problems());
        } catch (TooManyAttemptsException e) {
            TooManyAttempts.respond(e.retryAfter());
        }
        password = null;
        return null;
    }

    private static char[] chars(String value) {
        return value == null ? new char[0] : value.toCharArray();
    }

    public boolean isEnabled() {
        return enabled;
    }

    public String getPendingSecret() {
        return pendingSecret;
    }

    /** The secret in groups of four, easier to type into an app by hand. */
    public String getPendingSecretGrouped() {
        return pendingSecret == null ? null : pendingSecret.replaceAll("(.{4})(?!$)", "$1 ");
    }

    public String getQrDataUri() {
        return pendingSecret == null ? null : totp.qrDataUri(pendingSecret, username, site.getName());
    }

    public long getUnusedRecoveryCodes() {
        return enabled ? twoFactor.unusedRecoveryCodes() : 0;
    }

    public List<String> getRecoveryCodes() {
        return recoveryCodes;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
