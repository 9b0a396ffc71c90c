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
        Calendar calendar = parse(WebinarCalendar.invitation(summer, 7, PAGE, "no-reply@example.org", "ada@example.org",
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

        Webinar winter = webinar(LocalDateTime.of(2027, 12, 1, 10, 0), null);
        VEvent december = (VEvent) parse(WebinarCalendar.invitation(winter, 7, PAGE, "no-reply@example.org", "ada@example.org",
                Instant.now())).getComponent("VEVENT").orElseThrow();
        assertEquals("20271201T090000Z", december.getProperty(Property.DTSTART).orElseThrow().getValue());
        assertTrue(december.getProperty(Property.LOCATION).isEmpty(), "no join link yet, no location");
    }

    @Test
    void theCancellationHasTheSameUidAHigherSequenceAndNoJoinLink() throws Exception {
        Webinar webinar = webinar(LocalDateTime.of(2027, 7, 1, 10, 0), "https://meet.example.org/secret");
        MailAttachment file = WebinarCalendar.cancellation(webinar, 7, PAGE, "no-reply@example.org", "ada@example.org", Instant.now());
        assertEquals("text/calendar; charset=UTF-8; method=CANCEL", file.contentType());
        assertEquals("webinar.ics", file.fileName());
        Calendar calendar = parse(file);
        VEvent event = (VEvent) calendar.getComponent("VEVENT").orElseThrow();
        assertEquals("CANCEL", calendar.getProperty(Property.METHOD).orElseThrow().getValue());
        assertEquals("CANCELLED", event.getProperty(Property.STATUS).orElseThrow().getValue());
        assertEquals("1", event.getProperty(Property.SEQUENCE).orElseThrow().getValue());
        assertEquals("webinar-42-registration-7@colloquy.example.org", event.getProperty(Property.UID).orElseThrow().getValue());
        assertFalse(new String(file.content(), java.nio.charset.StandardCharsets.UTF_8).contains("secret"));
    }

    static Calendar parse(MailAttachment file) throws Exception {
        return new CalendarBuilder().build(new ByteArrayInputStream(file.content()));
    }

    private static Webinar webinar(LocalDateTime start, String joinLink) throws Exception {
        Webinar webinar = new Webinar(new WebinarDraft("Webinar on things", "", start, start.plusMinutes(90), "Europe/Oslo", null, null,
                joinLink, List.of()), OffsetDateTime.now(ZoneOffset.UTC));
        Field id = Webinar.class.getDeclaredField("id");
        id.setAccessible(true);
        id.set(webinar, 42L);
        return webinar;
    }
}
