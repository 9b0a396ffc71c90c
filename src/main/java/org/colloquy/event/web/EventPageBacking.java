package org.colloquy.event.web;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.colloquy.event.EventService;
import org.colloquy.event.EventService.MyRegistration;
import org.colloquy.event.Webinar;
import org.colloquy.platform.text.Markdown;
import org.colloquy.sponsor.SponsorService.SponsorView;

/**
 * A webinar's page, {@code /event?id=N}: when, what, its sponsors, whether registration is open and,
 * for a registered member, the join link. Read-only and stateless; registering and changing what is
 * shared happen on {@code /event-register}.
 */
@Named
@RequestScoped
public class EventPageBacking {

    @Inject
    private EventService events;

    @Inject
    private Markdown markdown;

    @Inject
    private HttpServletRequest request;

    private Webinar webinar;
    private List<SponsorView> sponsors = List.of();
    private String descriptionHtml;
    private Optional<MyRegistration> mine = Optional.empty();
    private String closedReason;
    private long registrations;
    private boolean manager;

    @PostConstruct
    void load() {
        webinar = events.find(EventPages.idParameter(request.getParameter("id"))).orElse(null);
        if (webinar == null) {
            return;
        }
        sponsors = events.sponsorsOf(webinar);
        descriptionHtml = markdown.toHtml(webinar.description(), 2);
        mine = events.mine(webinar.id());
        closedReason = events.closedReason(webinar).orElse(null);
        manager = events.callerIsManager();
        registrations = manager ? events.countRegistrations(webinar.id()) : 0;
    }

    public Webinar getWebinar() {
        return webinar;
    }

    public List<SponsorView> getSponsors() {
        return sponsors;
    }

    public String getDescriptionHtml() {
        return descriptionHtml;
    }

    public boolean isRegistered() {
        return mine.isPresent();
    }

    public String getClosedReason() {
        return closedReason;
    }

    public boolean isManager() {
        return manager;
    }

    public long getRegistrations() {
        return registrations;
    }
}
