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

import org.colloquy.sponsor.PortalRefusedException;
import org.colloquy.sponsor.SponsorPortal;

/**
 * {@code GET /sponsor/export?event=N&sponsor=S}: the consented attendee list as a CSV download,
 * streamed as it is read (P-SPONSOR-2). The portal refuses a contact of another sponsor with 403.
 */
@WebServlet("/sponsor/export")
@ServletSecurity(@HttpConstraint(rolesAllowed = "MEMBER"))
public class AttendeeExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient SponsorPortal portal;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long event;
        long sponsor;
        try {
            event = Long.parseLong(request.getParameter("event"));
            sponsor = Long.parseLong(request.getParameter("sponsor"));
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
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

    private static boolean refused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PortalRefusedException) {
                return true;
            }
        }
        return false;
    }
}
