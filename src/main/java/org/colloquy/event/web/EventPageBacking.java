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
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.text.Markdown;
import org.colloquy.sponsor.SponsorService.SponsorView;

/**
 * A webinar's page, {@code /event?id=N}: when, what, its sponsors, whether registration is open and,
 * for a registered member, the join link. Read-only and stateless; registering and changing what is
 * shared happen on {@code /event-register}. After an edit ({@code &saved=N}) an event manager reads
 * how many registrants were mailed the change.
 */
@Named
@RequestScoped
public class EventPageBacking {

    /** The {@code saved} parameter of an edit that changed nothing a calendar shows; else it is the number of registrants told. */
    static final String SAVED_UNCHANGED = "unchanged";

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
    private String savedNotice;

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
        savedNotice = manager ? savedNotice(request.getParameter("saved")) : null;
    }

    private static String savedNotice(String saved) {
        if (SAVED_UNCHANGED.equals(saved)) {
            return Texts.get("event.saved.unchanged");
        }
        if (saved == null || !saved.matches("\\d{1,9}")) {
            return null;
        }
        int told = Integer.parseInt(saved);
        return told == 0 ? Texts.get("event.saved.toldNone") : told == 1 ? Texts.get("event.saved.toldOne") : Texts.get("event.saved.told", told);
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

    /** After an edit, for an event manager: whether and to how many registrants the change was mailed; else null. */
    public String getSavedNotice() {
        return savedNotice;
    }
}
