package org.colloquy.account.web;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.colloquy.account.AccountDeletion;
import org.colloquy.account.AccountSettingsService;
import org.colloquy.account.DeletionTerms;
import org.colloquy.account.security.PendingReactivation;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.throttle.TooManyAttemptsException;
import org.colloquy.platform.throttle.web.TooManyAttempts;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.platform.web.FormErrors;
import org.omnifaces.util.Faces;

/**
 * {@code /account/delete} (P-ACCOUNT-2): the page says, from {@link DeletionTerms}, what becomes of
 * each kind of data before the member decides; the member chooses what happens to their posts,
 * confirms with their password (and a code when they use a second factor), is signed out
 * everywhere and sees {@code /account-deleted}. {@code /delete-account} is the same page for a
 * deactivated member who gave the right password on {@code /sign-in} and would rather delete than
 * reactivate: the account is the one of the {@link PendingReactivation}, and the confirmation the same.
 */
@Named
@RequestScoped
public class DeleteAccountBacking {

    /** The two answers to "your posts". */
    public static final String KEEP = "keep";
    public static final String DELETE = "delete";

    @Inject
    private AccountDeletion deletion;

    @Inject
    private AccountSettingsService settings;

    @Inject
    private SignIns signIns;

    @Inject
    private HttpServletRequest request;

    private String posts;
    private String currentPassword;
    private String code;

    /** View action of {@code /delete-account}: the page makes sense only in the middle of a sign-in. */
    public void requirePending() {
        if (pending() == null) {
            Faces.redirect(Faces.getRequestContextPath() + "/sign-in");
        }
    }

    public String delete() {
        boolean deactivated = isDeactivatedPage();
        PendingReactivation pending = deactivated ? pending() : null;
        if (deactivated && pending == null) {
            Faces.redirect(Faces.getRequestContextPath() + "/sign-in");
            return null;
        }
        char[] password = currentPassword == null ? new char[0] : currentPassword.toCharArray();
        try {
            if (deactivated) {
                deletion.delete(pending.memberId(), password, code, KEEP.equals(posts));
            } else {
                deletion.deleteMine(password, code, KEEP.equals(posts));
            }
        } catch (InvalidInputException e) {
            FormErrors.show("delete", e.problems());
            return null;
        } catch (TooManyAttemptsException e) {
            TooManyAttempts.respond(e.retryAfter());
            return null;
        } finally {
            currentPassword = null;
            code = null;
        }
        signIns.signOut(request);
        Faces.redirect(Faces.getRequestContextPath() + "/account-deleted");
        return null;
    }

    /** Whether the form asks for a code: the member signs in with a second factor. */
    public boolean isSecondFactor() {
        if (isDeactivatedPage()) {
            PendingReactivation pending = pending();
            return pending != null && deletion.asksForCode(pending.memberId());
        }
        return settings.me().hasTotp();
    }

    /** {@code /delete-account}, for a deactivated member, rather than {@code /account/delete}. */
    private static boolean isDeactivatedPage() {
        return "/delete-account.xhtml".equals(Faces.getViewId());
    }

    private PendingReactivation pending() {
        return signIns.pending(request, PendingReactivation.ATTRIBUTE, PendingReactivation.class).orElse(null);
    }

    public List<String> getErased() {
        return texts(DeletionTerms.Fate.ERASED);
    }

    public List<String> getNotified() {
        return texts(DeletionTerms.Fate.NOTIFIED);
    }

    public List<String> getKept() {
        return texts(DeletionTerms.Fate.KEPT);
    }

    private List<String> texts(DeletionTerms.Fate fate) {
        return DeletionTerms.withFate(fate).stream().map(term -> Texts.get(term.messageKey(), deletion.quarantineDays())).toList();
    }

    public String getKeep() {
        return KEEP;
    }

    public String getDelete() {
        return DELETE;
    }

    public String getPosts() {
        return posts;
    }

    public void setPosts(String posts) {
        this.posts = posts;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
