package org.colloquy.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

import org.colloquy.platform.mail.MailAttachment;
import org.junit.jupiter.api.Test;

/** The calendar file of a registration, read back as a calendar client reads it. */
class WebinarCalendarTest {

    private static final String PAGE = "https://colloquy.example.org/event?id=42";

    /** 10:00 in Oslo on 1 July is 08:00 UTC (summer time), 10:00 on 1 December is 09:00 UTC. */
    @Test
    void theInvitationHasTheWebinarsInstantsInUtcItsPageAndJoinLinkAndAStableUid() throws Exception {
        Webinar summer = webinar(LocalDateTime.of(2027, 7, 1, 10, 0), "https://meet.example.org/x");
        Calendar calendar = parse(WebinarCalendar.invitation(summer, 7, 0, PAGE, "no-reply@example.org", "ada@example.org",
                Instant.parse("2027-06-01T12:00:00Z")));
        VEvent event = (VEvent) calendar.getComponent("VEVENT").orElseThrow();
        assertEquals("REQUEST", calendar.getProperty(Property.METHOD).orElseThrow().getValue());
        assertEquals("20270701T080000Z", event.getProperty(Property.DTSTART).orElseThrow().getValue());
        assertEquals("20270701T093000Z", event.getProperty(Property.DTEND).orElseThrow().getValue());
        assertEquals(Instant.parse("2027-07-01T08:00:00Z"), Instant.from(event.getStartDate().orElseThrow().getDate()));
        assertEquals("Webinar on things", event.getProperty(Property.SUMMARY).orElseThrow().getValue());
        assertEquals(PAGE, event.getProperty(Property.URL).orElseThrow().getValue());
        assertTrue(event.getProperty(Property.DESCRIPTION).orElseThrow().getValue().contains("https://meet.example.org/x"));
        assertEquals("webinar-42-registration-7@colloquy.example.org", event.getProperty(Property.UID).orElseThrow().getValue());
        assertEquals("mailto:ada@example.org", event.getProperty(Property.ATTENDEE).orElseThrow().getValue());
        assertEquals("0", event.getProperty(Property.SEQUENCE).orElseThrow().getValue(), "the first file of the entry");

        Webinar winter = webinar(LocalDateTime.of(2027, 12, 1, 10, 0), null);
        VEvent december = (VEvent) parse(WebinarCalendar.invitation(winter, 7, 0, PAGE, "no-reply@example.org", "ada@example.org",
                Instant.now())).getComponent("VEVENT").orElseThrow();
        assertEquals("20271201T090000Z", december.getProperty(Property.DTSTART).orElseThrow().getValue());
        assertTrue(december.getProperty(Property.LOCATION).isEmpty(), "no join link yet, no location");
    }

    @Test
    void theCancellationHasTheSameUidTheRegistrationsSequenceAndNoJoinLink() throws Exception {
        Webinar webinar = webinar(LocalDateTime.of(2027, 7, 1, 10, 0), "https://meet.example.org/secret");
        MailAttachment file = WebinarCalendar.cancellation(webinar, 7, 1, PAGE, "no-reply@example.org", "ada@example.org", Instant.now());
        assertEquals("text/calendar; charset=UTF-8; method=CANCEL", file.contentType());
        assertEquals("webinar.ics", file.fileName());
        Calendar calendar = parse(file);
        VEvent event = (VEvent) calendar.getComponent("VEVENT").orElseThrow();
        assertEquals("CANCEL", calendar.getProperty(Property.METHOD).orElseThrow().getValue());
        assertEquals("CANCELLED", event.getProperty(Property.STATUS).orElseThrow().getValue());
        assertEquals("1", event.getProperty(Property.SEQUENCE).orElseThrow().getValue());
        assertEquals("webinar-42-registration-7@colloquy.example.org", event.getProperty(Property.UID).orElseThrow().getValue());
        assertEquals("20270701T080000Z", event.getProperty(Property.DTSTART).orElseThrow().getValue());
        assertFalse(new String(file.content(), java.nio.charset.StandardCharsets.UTF_8).contains("secret"));
    }

    /**
     * The webinar moved from 10:00 on 1 July to 14:30 on 2 December in Oslo (from summer to winter
     * time) with a new join link: the update is again a request for the same UID, with the higher
     * sequence a client needs to replace its entry, and the new instants in UTC.
     */
    @Test
    void theUpdateAfterAChangeOfTimeReplacesTheEntryWithTheNewInstantsInUtc() throws Exception {
        Webinar webinar = webinar(LocalDateTime.of(2027, 7, 1, 10, 0), "https://meet.example.org/old");
        VEvent first = event(parse(WebinarCalendar.invitation(webinar, 7, 0, PAGE, "no-reply@example.org", "ada@example.org",
                Instant.parse("2027-06-01T12:00:00Z"))));

        webinar.apply(draft(LocalDateTime.of(2027, 12, 2, 14, 30), "https://meet.example.org/new"));
        MailAttachment file = WebinarCalendar.invitation(webinar, 7, 1, PAGE, "no-reply@example.org", "ada@example.org",
                Instant.parse("2027-06-02T12:00:00Z"));
        assertEquals("text/calendar; charset=UTF-8; method=REQUEST", file.contentType());
        Calendar calendar = parse(file);
        VEvent update = event(calendar);
        assertEquals("REQUEST", calendar.getProperty(Property.METHOD).orElseThrow().getValue());
        assertEquals(first.getProperty(Property.UID).orElseThrow().getValue(), update.getProperty(Property.UID).orElseThrow().getValue(),
                "the same entry");
        assertEquals("1", update.getProperty(Property.SEQUENCE).orElseThrow().getValue());
        assertTrue(Integer.parseInt(update.getProperty(Property.SEQUENCE).orElseThrow().getValue())
                > Integer.parseInt(first.getProperty(Property.SEQUENCE).orElseThrow().getValue()), "a higher sequence replaces the entry");
        assertEquals("20271202T133000Z", update.getProperty(Property.DTSTART).orElseThrow().getValue(), "14:30 in Oslo in winter");
        assertEquals("20271202T150000Z", update.getProperty(Property.DTEND).orElseThrow().getValue());
        assertEquals(Instant.parse("2027-12-02T13:30:00Z"), Instant.from(update.getStartDate().orElseThrow().getDate()));
        assertEquals("CONFIRMED", update.getProperty(Property.STATUS).orElseThrow().getValue());
        assertEquals("https://meet.example.org/new", update.getProperty(Property.LOCATION).orElseThrow().getValue());
        assertFalse(update.getProperty(Property.DESCRIPTION).orElseThrow().getValue().contains("/old"));
    }

    /**
     * A member who cancelled (sequence 1) and registered again gets an invitation with sequence 2,
     * above the cancellation's, so the client does not take it for an older version of the
     * cancelled entry.
     */
    @Test
    void anInvitationAfterACancellationOfTheSameEntryHasAHigherSequence() throws Exception {
        Webinar webinar = webinar(LocalDateTime.of(2027, 7, 1, 10, 0), null);
        VEvent cancelled = event(parse(WebinarCalendar.cancellation(webinar, 7, 1, PAGE, "no-reply@example.org", "ada@example.org",
                Instant.now())));
        VEvent again = event(parse(WebinarCalendar.invitation(webinar, 7, 2, PAGE, "no-reply@example.org", "ada@example.org",
                Instant.now())));
        assertEquals(cancelled.getProperty(Property.UID).orElseThrow().getValue(), again.getProperty(Property.UID).orElseThrow().getValue());
        assertEquals("2", again.getProperty(Property.SEQUENCE).orElseThrow().getValue());
    }

    static Calendar parse(MailAttachment file) throws Exception {
        return new CalendarBuilder().build(new ByteArrayInputStream(file.content()));
    }

    private static VEvent event(Calendar calendar) {
        return (VEvent) calendar.getComponent("VEVENT").orElseThrow();
    }

    private static WebinarDraft draft(LocalDateTime start, String joinLink) {
        return new WebinarDraft("Webinar on things", "", start, start.plusMinutes(90), "Europe/Oslo", null, null, joinLink, List.of());
    }

    static Webinar webinar(LocalDateTime start, String joinLink) throws Exception {
        Webinar webinar = new Webinar(draft(start, joinLink), OffsetDateTime.now(ZoneOffset.UTC));
        Field id = Webinar.class.getDeclaredField("id");
        id.setAccessible(true);
        id.set(webinar, 42L);
        return webinar;
    }
}
