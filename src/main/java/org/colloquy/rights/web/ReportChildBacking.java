package org.colloquy.rights.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.platform.throttle.TooManyAttemptsException;
import org.colloquy.platform.throttle.web.TooManyAttempts;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.platform.web.FormErrors;
import org.colloquy.rights.RightsService;

/**
 * {@code /report-child} (P-CHILD-1): a parent or guardian names the account, their relationship,
 * their address and why. A transient view and a request-scoped bean, as {@code /rights}; the answer
 * is the same whether or not the username exists.
 */
@Named
@RequestScoped
public class ReportChildBacking {

    @Inject
    private RightsService rights;

    private String username;
    private String relationship;
    private String email;
    private String explanation;
    private boolean sent;

    public String send() {
        try {
            rights.reportUnderAge(username, relationship, email, explanation);
            sent = true;
        } catch (InvalidInputException e) {
            FormErrors.show("report", e.problems());
        } catch (TooManyAttemptsException e) {
            TooManyAttempts.respond(e.retryAfter());
        }
        return null;
    }

    public boolean isSent() {
        return sent;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getRelationship() {
        return relationship;
    }

    public void setRelationship(String relationship) {
        this.relationship = relationship;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getExplanation() {
        return explanation;
    }

    public void setExplanation(String explanation) {
        this.explanation = explanation;
    }
}
