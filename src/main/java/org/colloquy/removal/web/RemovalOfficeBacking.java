package org.colloquy.removal.web;

import java.io.Serializable;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.platform.web.FormErrors;
import org.colloquy.removal.RemovalRefusedException;
import org.colloquy.removal.RemovalRequest;
import org.colloquy.removal.RemovalService;
import org.omnifaces.cdi.ViewScoped;

/**
 * {@code /privacy-office/removals}: the privacy officers' queue of open removal requests, the oldest
 * due first, overdue and nearly due ones marked in words; with {@code ?id=n} the decision form for
 * that request (remove, anonymise with the redacted text, or refuse with a reason and words).
 */
@Named
@ViewScoped
public class RemovalOfficeBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private RemovalService removals;

    private Long id;
    private RemovalRequest.Outcome outcome;
    private String redacted;
    private RemovalRequest.RefusalReason category;
    private String words;
    private transient List<RemovalService.QueueRow> rows;

    public List<RemovalService.QueueRow> getRows() {
        if (rows == null) {
            rows = removals.queue();
        }
        return rows;
    }

    /** The open request the decision form is for, when {@code ?id=} names one. */
    public RemovalService.QueueRow getSelected() {
        if (id == null) {
            return null;
        }
        return getRows().stream().filter(r -> r.request().id().equals(id)).findFirst().orElse(null);
    }

    /** Whether the caller refused this request first and so may not decide its appeal. */
    public boolean isOwnRefusal() {
        RemovalService.QueueRow row = getSelected();
        return row != null && row.request().status() == RemovalRequest.Status.APPEALED && row.request().decidedBy() != null
                && row.request().decidedBy() == removals.me();
    }

    public String review() {
        try {
            removals.review(id);
            rows = null;
            FormErrors.done("decision", Texts.get("removal.office.reviewing"));
        } catch (RemovalRefusedException e) {
            FormErrors.general("decision", e.getMessage());
        }
        return null;
    }

    public String decide() {
        try {
            removals.decide(id, outcome, redacted, category, words);
            return "/privacy-office/removals?faces-redirect=true&decided=" + id;
        } catch (InvalidInputException e) {
            FormErrors.show("decision", e.problems());
        } catch (RemovalRefusedException e) {
            FormErrors.general("decision", e.getMessage());
        }
        return null;
    }

    public RemovalRequest.Outcome[] getOutcomes() {
        return RemovalRequest.Outcome.values();
    }

    public RemovalRequest.RefusalReason[] getCategories() {
        return RemovalRequest.RefusalReason.values();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public RemovalRequest.Outcome getOutcome() {
        return outcome;
    }

    public void setOutcome(RemovalRequest.Outcome outcome) {
        this.outcome = outcome;
    }

    public String getRedacted() {
        return redacted;
    }

    public void setRedacted(String redacted) {
        this.redacted = redacted;
    }

    public RemovalRequest.RefusalReason getCategory() {
        return category;
    }

    public void setCategory(RemovalRequest.RefusalReason category) {
        this.category = category;
    }

    public String getWords() {
        return words;
    }

    public void setWords(String words) {
        this.words = words;
    }
}
