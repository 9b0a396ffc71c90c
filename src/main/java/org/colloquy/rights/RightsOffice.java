package org.colloquy.rights;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.colloquy.platform.security.Caller;

/**
 * What the privacy officer does at {@code /privacy-office/requests}: the queue of rights requests
 * and under-age reports, answers and decisions. Only PRIVACY_OFFICER or ADMIN callers get in (the
 * container checks), and {@link RightsDesk} checks the role again in the database.
 */
@Stateless
@RolesAllowed({"PRIVACY_OFFICER", "ADMIN"})
public class RightsOffice {

    @Inject
    private RightsDesk desk;

    @Inject
    private Caller caller;

    public List<RightsDesk.QueueRow> queue() {
        return desk.queue(caller.requireMemberId(), OffsetDateTime.now(ZoneOffset.UTC));
    }

    public List<RightsDesk.ReportRow> reports() {
        return desk.reports(caller.requireMemberId());
    }

    public void start(long requestId) {
        desk.start(caller.requireMemberId(), requestId);
    }

    public void answer(long requestId, Outcome outcome, String text) {
        desk.answer(caller.requireMemberId(), requestId, outcome, text);
    }

    public void confirmReport(long reportId, String note) {
        desk.confirmReport(caller.requireMemberId(), reportId, note);
    }

    public void dismissReport(long reportId, String note) {
        desk.dismissReport(caller.requireMemberId(), reportId, note);
    }
}
