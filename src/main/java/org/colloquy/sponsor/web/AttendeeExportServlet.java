package org.colloquy.sponsor.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.colloquy.account.web.SignIns;
import org.colloquy.sponsor.PortalRefusedException;
import org.colloquy.sponsor.SponsorPortal;

/**
 * {@code POST /sponsor/export} ({@code event}, {@code sponsor}, and the session's form {@code token}):
 * the consented attendee list as a CSV download, streamed as it is read (P-SPONSOR-2). Every export
 * is a disclosure in the members' ledgers, so it is a POST with the form token: another site cannot
 * make a contact's browser set one off. A GET leads back to the attendee page. The portal refuses a
 * contact of another sponsor with 403.
 */
@WebServlet("/sponsor/export")
@ServletSecurity(@HttpConstraint(rolesAllowed = "MEMBER"))
public class AttendeeExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient SponsorPortal portal;

    @Inject
    private transient SignIns signIns;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long[] ids = ids(request);
        response.sendRedirect(request.getContextPath() + (ids == null ? "/sponsor/portal"
                : "/sponsor/attendees?event=" + ids[0] + "&sponsor=" + ids[1]));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long[] ids = ids(request);
        if (ids == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (!signIns.hasFormToken(request)) {
            doGet(request, response);
            return;
        }
        long event = ids[0];
        long sponsor = ids[1];
        response.setContentType("text/csv;charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Disposition", "attachment; filename=\"attendees-" + event + "-" + sponsor + "-"
                + LocalDate.now(ZoneOffset.UTC) + ".csv\"");
        response.setBufferSize(64 * 1024);
        try {
            Writer out = response.getWriter();
            portal.exportAsCaller(event, sponsor, out);
            out.flush();
        } catch (jakarta.ejb.EJBException | PortalRefusedException e) {
            if (refused(e) && !response.isCommitted()) {
                response.reset();
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
                return;
            }
            throw e;
        }
    }

    /** The event and sponsor ids asked for, or null when either is not a number. */
    private static long[] ids(HttpServletRequest request) {
        try {
            return new long[] {Long.parseLong(request.getParameter("event")), Long.parseLong(request.getParameter("sponsor"))};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean refused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PortalRefusedException) {
                return true;
            }
        }
        return false;
    }
}
