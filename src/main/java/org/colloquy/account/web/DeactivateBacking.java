package org.colloquy.account.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.colloquy.account.AccountSettingsService;
import org.colloquy.platform.throttle.TooManyAttemptsException;
import org.colloquy.platform.throttle.web.TooManyAttempts;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.platform.web.FormErrors;
import org.omnifaces.util.Faces;

/**
 * {@code /account/deactivate} (P-ACCOUNT-2): the page says what deactivating does and does not do;
 * the member confirms with their password, is signed out everywhere and sees {@code /deactivated}.
 */
@Named
@RequestScoped
public class DeactivateBacking {

    @Inject
    private AccountSettingsService settings;

    @Inject
    private SignIns signIns;

    @Inject
    private HttpServletRequest request;

    private String currentPassword;

    public String deactivate() {
        try {
            settings.deactivate(currentPassword == null ? new char[0] : currentPassword.toCharArray());
        } catch (InvalidInputException e) {
            FormErrors.show("deactivate", e.problems());
            return null;
        } catch (TooManyAttemptsException e) {
            TooManyAttempts.respond(e.retryAfter());
            return null;
        } finally {
            currentPassword = null;
        }
        signIns.signOut(request);
        Faces.redirect(Faces.getRequestContextPath() + "/deactivated");
        return null;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }
}
