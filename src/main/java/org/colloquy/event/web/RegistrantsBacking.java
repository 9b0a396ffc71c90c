package org.colloquy.event.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.colloquy.event.EventRefusedException;
import org.colloquy.event.EventService;
import org.colloquy.event.EventService.Registrant;
import org.colloquy.event.Webinar;
import org.colloquy.platform.web.FormErrors;

/**
 * {@code /manage/registrants?id=N}: who is registered for a webinar, by username, in the order they
 * registered, and whether each attended, which an event manager marks one registrant at a time.
 * The service refuses anyone who is not an event manager, whatever the page shows.
 */
@Named
@RequestScoped
public class RegistrantsBacking {

    @Inject
    private EventService events;

    @Inject
    private HttpServletRequest request;

    @Inject
    private ExternalContext external;

    private long id;
    private Webinar webinar;
    private boolean manager;
    private List<Registrant> registrants = List.of();

    @PostConstruct
    void load() {
        id = EventPages.idParameter(request.getParameter("id"));
        manager = events.callerIsManager();
        webinar = events.find(id).orElse(null);
        if (manager && webinar != null) {
            registrants = events.registrantsAsManager(id);
        }
    }

    /** Marks the registrant as attended, or not, and comes back to the list saying so. */
    public String mark(long memberId, boolean attended) throws IOException {
        try {
            events.markAttended(id, memberId, attended);
        } catch (EventRefusedException e) {
            FormErrors.general("attendance", e.getMessage());
            return null;
        }
        String username = registrants.stream().filter(r -> r.memberId() == memberId).map(Registrant::username).findFirst().orElse("");
        external.redirect(external.getRequestContextPath() + "/manage/registrants?id=" + id + "&marked="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "#r-" + memberId);
        return null;
    }

    public long getId() {
        return id;
    }

    public Webinar getWebinar() {
        return webinar;
    }

    public boolean isManager() {
        return manager;
    }

    public List<Registrant> getRegistrants() {
        return registrants;
    }

    public long getAttendedCount() {
        return registrants.stream().filter(Registrant::attended).count();
    }

    /** The username just marked, to confirm it, or null. */
    public String getMarked() {
        String marked = request.getParameter("marked");
        return marked == null || marked.isBlank() ? null : marked;
    }
}
