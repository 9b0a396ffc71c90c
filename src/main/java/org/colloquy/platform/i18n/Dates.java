package org.colloquy.platform.i18n;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;


/**
 * Dates and times as pages and mails show them ({@code #{dates.dateTime(x)}}): in UTC, with the zone said,
 * until members can choose their own time zone.
 */
@Named
@ApplicationScoped
public class Dates {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Texts.SITE_LOCALE);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Texts.SITE_LOCALE);

    public String dateTime(OffsetDateTime at) {
        return at == null ? "" : DATE_TIME.format(at.withOffsetSameInstant(ZoneOffset.UTC));
    }

    public String date(OffsetDateTime at) {
        return at == null ? "" : DATE.format(at.withOffsetSameInstant(ZoneOffset.UTC));
    }

    /** A calendar day (a policy's effective date), as {@link #date} shows one. */
    public String day(LocalDate day) {
        return day == null ? "" : DATE.format(day);
    }
}
