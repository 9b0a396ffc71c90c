package org.colloquy.rights.web;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.platform.throttle.TooManyAttemptsException;
import org.colloquy.platform.throttle.web.TooManyAttempts;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.platform.web.FormErrors;
import org.colloquy.rights.RequestKind;
import org.colloquy.rights.RightsService;

/**
 * {@code /rights}, the public rights request form (P-RIGHTS-1): kind, address and description. The
 * page is a transient view and this bean request-scoped, so a visitor who only reads the page gets
 * no session. Sent, it says the same whatever the address: a link is on its way.
 */
@Named
@RequestScoped
public class RightsFormBacking {

    @Inject
    private RightsService rights;

    private RequestKind kind;
    private String email;
    private String description;
    private boolean sent;

    public String send() {
        try {
            rights.requestFromPublic(kind, email, description);
            sent = true;
        } catch (InvalidInputException e) {
            FormErrors.show("rights", e.problems());
        } catch (TooManyAttemptsException e) {
            TooManyAttempts.respond(e.retryAfter());
        }
        return null;
    }

    public List<RequestKind> getKinds() {
        return List.of(RequestKind.values());
    }

    public boolean isSent() {
        return sent;
    }

    public RequestKind getKind() {
        return kind;
    }

    public void setKind(RequestKind kind) {
        this.kind = kind;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
