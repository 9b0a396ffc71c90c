package org.colloquy.event.web;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.colloquy.event.Webinar;

/** Formatting shared by the event pages: a webinar's time in its own time zone. */
@Named
@ApplicationScoped
public class EventPages {

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(Locale.ENGLISH);

    /** "Tuesday 1 December 2026, 15:00–16:00 (Europe/Oslo)". */
    public String when(Webinar w) {
        return DAY_TIME.format(w.startsAt().atZoneSameInstant(w.zone())) + "–" + DateTimeFormatter.ofPattern("HH:mm")
                .format(w.endsAt().atZoneSameInstant(w.zone())) + " (" + w.zone().getId() + ")";
    }

    public String deadline(Webinar w) {
        return DAY_TIME.format(w.registrationClosesAt().atZoneSameInstant(w.zone())) + " (" + w.zone().getId() + ")";
    }

    static long idParameter(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
