package org.colloquy.sponsor.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.colloquy.sponsor.PortalRefusedException;
import org.colloquy.sponsor.SponsorPortal;
import org.colloquy.sponsor.SponsorPortal.AttendeeList;

/**
 * The consented attendee list of one sponsored webinar, {@code /sponsor/attendees?event=N&sponsor=S}
 * (P-SPONSOR-2): opening it is a disclosure recorded in each listed member's ledger.
 */
@Named
@RequestScoped
public class AttendeesBacking {

    @Inject
    private SponsorPortal portal;

    @Inject
    private HttpServletRequest request;

    private AttendeeList list;
    private boolean refused;

    @PostConstruct
    void load() {
        try {
            list = portal.attendeesAsCaller(Long.parseLong(request.getParameter("event")), Long.parseLong(request.getParameter("sponsor")));
        } catch (NumberFormatException | PortalRefusedException e) {
            refused = true;
        }
    }

    public AttendeeList getList() {
        return list;
    }

    public boolean isRefused() {
        return refused;
    }
}
