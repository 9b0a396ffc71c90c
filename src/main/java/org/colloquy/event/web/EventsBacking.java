package org.colloquy.event.web;

import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.event.EventService;
import org.colloquy.event.Webinar;

/** The events page, {@code /events}: upcoming webinars first, then past ones; public and stateless. */
@Named
@RequestScoped
public class EventsBacking {

    @Inject
    private EventService events;

    private List<Webinar> upcoming;
    private List<Webinar> past;
    private boolean manager;

    @PostConstruct
    void load() {
        upcoming = events.upcoming();
        past = events.past();
        manager = events.callerIsManager();
    }

    public List<Webinar> getUpcoming() {
        return upcoming;
    }

    public List<Webinar> getPast() {
        return past;
    }

    public boolean isManager() {
        return manager;
    }
}
