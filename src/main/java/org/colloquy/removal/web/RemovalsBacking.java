package org.colloquy.removal.web;

import java.io.Serializable;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.platform.web.FormErrors;
import org.colloquy.removal.RemovalDesk;
import org.colloquy.removal.RemovalRefusedException;
import org.colloquy.removal.RemovalService;
import org.omnifaces.cdi.ViewScoped;

/**
 * {@code /account/removals}: the member's removal requests and their history (P-REMOVE-1), each with
 * its status, due date, outcome and, for a refusal, the reason and the officer's words. With
 * {@code ?appeal=id} the page shows the form that appeals that refusal, once.
 */
@Named
@ViewScoped
public class RemovalsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private RemovalService removals;

    private Long appeal;
    private String statement;
    private boolean appealed;
    private transient List<RemovalDesk.Row> rows;

    public List<RemovalDesk.Row> getRows() {
        if (rows == null) {
            rows = removals.mine();
        }
        return rows;
    }

    public String submitAppeal() {
        try {
            removals.appeal(appeal, statement);
            appealed = true;
            rows = null;
            FormErrors.done("appealForm", Texts.get("removal.appeal.sent"));
        } catch (InvalidInputException e) {
            FormErrors.show("appealForm", e.problems());
        } catch (RemovalRefusedException e) {
            FormErrors.general("appealForm", e.getMessage());
        }
        return null;
    }

    public Long getAppeal() {
        return appeal;
    }

    public void setAppeal(Long appeal) {
        this.appeal = appeal;
    }

    public String getStatement() {
        return statement;
    }

    public void setStatement(String statement) {
        this.statement = statement;
    }

    public boolean isAppealed() {
        return appealed;
    }
}
