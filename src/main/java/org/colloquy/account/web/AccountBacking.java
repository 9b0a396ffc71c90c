package org.colloquy.account.web;


import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.colloquy.account.AccountService;
import org.colloquy.account.AccountSettingsService;
import org.colloquy.account.Member;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.throttle.TooManyAttemptsException;
import org.colloquy.platform.throttle.web.TooManyAttempts;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.platform.web.FormErrors;

/**
 * The account settings page (promise P-ACCOUNT-1): one form each for name, username, email
 * address and password, so that a mistake in one never loses what was typed in another.
 */
@Named
@RequestScoped
public class AccountBacking {

    @Inject
    private AccountSettingsService settings;

    @Inject
    private AccountService accounts;

    @Inject
    private SignIns signIns;

    @Inject
    private CurrentMember currentMember;

    @Inject
    private HttpServletRequest request;

    private Member member;
    private String name;
    private String username;
    private String newEmail;
    private String emailPassword;
    private String currentPassword;
    private String newPassword;

    @PostConstruct
    void load() {
        member = settings.me();
        name = member.name();
        username = member.username();
    }

    public String saveName() {
        return run("nameForm", () -> settings.changeName(name), "account.name.saved");
    }

    public String saveUsername() {
        String done = run("usernameForm", () -> settings.changeUsername(username), "account.username.saved");
        currentMember.refresh();
        return done;
    }

    public String requestEmailChange() {
        String done = run("emailForm", () -> settings.requestEmailChange(newEmail,
                emailPassword == null ? new char[0] : emailPassword.toCharArray()), "account.email.sent");
        emailPassword = null;
        return done;
    }

    public String changePassword() {
        String keep = signIns.currentSessionId(request).orElse("");
        String done = run("passwordForm", () -> settings.changePassword(
                currentPassword == null ? new char[0] : currentPassword.toCharArray(),
                newPassword == null ? new char[0] : newPassword.toCharArray(), keep), "account.password.saved");
        currentPassword = null;
        newPassword = null;
        return done;
    }

    public String resendVerification() {
        return run("verifyForm", accounts::resendVerification, "account.verify.sent");
    }

    private String run(String formId, Runnable change, String doneKey) {
        try {
            change.run();
            member = settings.me();
            FormErrors.done(formId, Texts.get(doneKey));
        } catch (InvalidInputException e) {
            FormErrors.show(formId, e.problems());
        } catch (TooManyAttemptsException e) {
            TooManyAttempts.respond(e.retryAfter());
        }
        return null;
    }

    public Member getMember() {
        return member;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getNewEmail() {
        return newEmail;
    }

    public void setNewEmail(String newEmail) {
        this.newEmail = newEmail;
    }

    public String getEmailPassword() {
        return emailPassword;
    }

    public void setEmailPassword(String emailPassword) {
        this.emailPassword = emailPassword;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

}
