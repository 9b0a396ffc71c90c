package org.colloquy.event.web;

import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.event.EventService;
import org.colloquy.event.Webinar;
import org.colloquy.sponsor.SponsorService;

/** The events page, {@code /events}: upcoming webinars first, then past ones; public and stateless. */
@Named
@RequestScoped
public class EventsBacking {

    @Inject
    private EventService events;

    @Inject
    private SponsorService sponsors;

    private List<Webinar> upcoming;
    private List<Webinar> past;
    private boolean manager;
    private boolean contact;

    @PostConstruct
    void load() {
        upcoming = events.upcoming();
        past = events.past();
        manager = events.callerIsManager();
        contact = sponsors.callerIsContact();
    }

    public List<Webinar> getUpcoming() {
        return upcoming;
    }

    public List<Webinar> getPast() {
        return past;
    }

    /** Whether the signed-in member acts for a sponsor: the page links to the sponsor portal. */
    public boolean isContact() {
        return contact;
    }

    public boolean isManager() {
        return manager;
    }
}
