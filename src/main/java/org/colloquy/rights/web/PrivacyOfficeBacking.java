package org.colloquy.rights.web;

import java.util.List;
import java.util.function.LongConsumer;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.security.Caller;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.platform.web.FormErrors;
import org.colloquy.rights.NoSuchRightsItemException;
import org.colloquy.rights.Outcome;
import org.colloquy.rights.RightsDesk;
import org.colloquy.rights.RightsOffice;
import org.colloquy.rights.RightsRefusedException;
import org.omnifaces.util.Faces;

/**
 * {@code /privacy-office/requests} (P-RIGHTS-1, P-CHILD-1), for privacy officers and
 * administrators (web.xml and {@link RightsOffice} both check): rights requests, overdue first,
 * with start and answer; under-age reports with confirm and dismiss. One form per item,
 * {@code request-<id>} or {@code report-<id>}; the item's id travels as a plain field.
 */
@Named
@RequestScoped
public class PrivacyOfficeBacking {

    @Inject
    private RightsOffice office;

    @Inject
    private Caller caller;

    @Inject
    private HttpServletRequest request;

    private List<RightsDesk.QueueRow> rows = List.of();
    private List<RightsDesk.ReportRow> reports = List.of();
    private Outcome outcome;
    private String answer;
    private String note;
    private String notice;

    @PostConstruct
    void load() {
        if (!caller.isInRole("PRIVACY_OFFICER") && !caller.isInRole("ADMIN")) {
            Faces.responseSendError(403, "Privacy officers only");
            Faces.responseComplete();
            return;
        }
        String done = request.getParameter("done");
        if (done != null && done.matches("[a-z]+")) {
            notice = Texts.get("rights.office.done." + done);
        }
        rows = office.queue();
        reports = office.reports();
    }

    public String start() {
        return act("request", office::start, "started");
    }

    public String answer() {
        return act("request", id -> office.answer(id, outcome, answer), "answered");
    }

    public String confirmReport() {
        return act("report", id -> office.confirmReport(id, note), "confirmed");
    }

    public String dismissReport() {
        return act("report", id -> office.dismissReport(id, note), "dismissed");
    }

    private String act(String what, LongConsumer action, String done) {
        String form = String.valueOf(request.getParameter("form"));
        try {
            action.accept(Long.parseLong(String.valueOf(request.getParameter(what))));
        } catch (NumberFormatException | NoSuchRightsItemException e) {
            Faces.responseSendError(404, "No such " + what);
            Faces.responseComplete();
            return null;
        } catch (InvalidInputException e) {
            FormErrors.show(form.matches("(request|report)-[0-9]+") ? form : "notices", e.problems());
            return null;
        } catch (RightsRefusedException e) {
            FormErrors.general(form.matches("(request|report)-[0-9]+") ? form : "notices", e.getMessage());
            return null;
        }
        Faces.redirect(Faces.getRequestContextPath() + "/privacy-office/requests?done=" + done);
        return null;
    }

    public List<Outcome> getOutcomes() {
        return List.of(Outcome.values());
    }

    public List<RightsDesk.QueueRow> getRows() {
        return rows;
    }

    public List<RightsDesk.ReportRow> getReports() {
        return reports;
    }

    public String getNotice() {
        return notice;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public void setOutcome(Outcome outcome) {
        this.outcome = outcome;
    }

    public String getAnswer() {
        return answer;
    }

    public void setAnswer(String answer) {
        this.answer = answer;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
