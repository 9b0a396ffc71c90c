package org.colloquy.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Which edits of a webinar revise its registrants' calendar entries, and how the change mail says
 * what changed: as it was and as it is, in the webinar's zone as the confirmation states the time.
 */
class WebinarChangeTest {

    private static final LocalDateTime TEN = LocalDateTime.of(2027, 7, 1, 10, 0);

    @Test
    void onlyTheTimeTitleAndJoinLinkAreChangesACalendarShows() {
        Webinar webinar = webinar(draft("Things", "About things", TEN, "Europe/Oslo", 50, "https://meet.example.org/a"));
        assertFalse(change(webinar, draft("Things", "About other things", TEN, "Europe/Oslo", 20, "https://meet.example.org/a"))
                .changesCalendars(), "description and capacity are not in the calendar file");
        assertFalse(change(webinar, draft("Things", "", TEN.minusHours(1), "Europe/London", null, "https://meet.example.org/a"))
                .changesCalendars(), "09:00 in London is 10:00 in Oslo: the same instants, only written in another zone");

        WebinarChange zone = change(webinar, draft("Things", "", TEN, "Europe/London", null, "https://meet.example.org/a"));
        assertTrue(zone.timeChanged(), "10:00 in London is an hour later than 10:00 in Oslo");
        assertFalse(zone.titleChanged() || zone.joinLinkChanged());

        WebinarChange end = change(webinar, draft("Things", "", TEN, "Europe/Oslo", null, "https://meet.example.org/a", 120));
        assertTrue(end.timeChanged(), "a later end alone is a change of time");

        WebinarChange title = change(webinar, draft("Other things", "", TEN, "Europe/Oslo", null, "https://meet.example.org/a"));
        assertTrue(title.titleChanged() && title.changesCalendars());
        assertFalse(title.timeChanged());

        assertTrue(change(webinar, draft("Things", "", TEN, "Europe/Oslo", null, null)).joinLinkChanged(), "a link taken away");
        Webinar noLink = webinar(draft("Things", "", TEN, "Europe/Oslo", null, null));
        assertTrue(change(noLink, draft("Things", "", TEN, "Europe/Oslo", null, "https://meet.example.org/b")).joinLinkChanged(),
                "the link registrants were promised before the start");
    }

    @Test
    void aWebinarThatEndedBeforeAndAfterTheEditIsAllPast() {
        Webinar webinar = webinar(draft("Things", "", TEN, "UTC", null, null));
        WebinarChange change = change(webinar, draft("Things", "", TEN.plusHours(1), "UTC", null, null));
        assertTrue(change.allPast(OffsetDateTime.of(2027, 7, 2, 0, 0, 0, 0, ZoneOffset.UTC)));
        assertFalse(change.allPast(OffsetDateTime.of(2027, 7, 1, 11, 45, 0, 0, ZoneOffset.UTC)), "the new end is still to come");
    }

    /** The mail's lines: the time before and now, each with its own zone, then the title and the join link. */
    @Test
    void theMailSaysWhatWasAndWhatIs() {
        Webinar webinar = webinar(draft("Things", "", TEN, "Europe/Oslo", null, "https://meet.example.org/a"));
        WebinarChange change = change(webinar, draft("Better things", "", LocalDateTime.of(2027, 7, 3, 23, 0), "America/New_York", null,
                "https://meet.example.org/b"));
        List<String> lines = EventMails.whatChanged(change).lines().toList();
        assertEquals(5, lines.size(), lines.toString());
        assertEquals("Time before: " + EventMails.span(change.before()), lines.get(0));
        assertTrue(lines.get(0).startsWith("Time before: July 1, 2027"), lines.get(0));
        assertTrue(lines.get(0).endsWith("(Europe/Oslo)"), lines.get(0));
        assertTrue(lines.get(1).startsWith("Time now: July 3, 2027"), lines.get(1));
        assertTrue(lines.get(1).contains("July 4, 2027"), "ending after midnight, the end has its own date: " + lines.get(1));
        assertTrue(lines.get(1).endsWith("(America/New_York)"), lines.get(1));
        assertEquals("Title before: \"Things\"", lines.get(2));
        assertEquals("Title now: \"Better things\"", lines.get(3));
        assertEquals("Join link now: https://meet.example.org/b", lines.get(4));

        WebinarChange removed = change(webinar, draft("Things", "", TEN, "Europe/Oslo", null, null));
        assertEquals("Join link: the earlier one no longer applies; the new one will be on the webinar’s page before the start.",
                EventMails.whatChanged(removed));
    }

    private static WebinarChange change(Webinar webinar, WebinarDraft edit) {
        WebinarChange.Shown before = WebinarChange.Shown.of(webinar);
        Webinar edited = webinar(edit);
        return new WebinarChange(before, WebinarChange.Shown.of(edited));
    }

    private static WebinarDraft draft(String title, String description, LocalDateTime start, String zone, Integer capacity, String joinLink) {
        return draft(title, description, start, zone, capacity, joinLink, 90);
    }

    private static WebinarDraft draft(String title, String description, LocalDateTime start, String zone, Integer capacity, String joinLink,
            int minutes) {
        return new WebinarDraft(title, description, start, start.plusMinutes(minutes), zone, capacity, null, joinLink, List.of());
    }

    private static Webinar webinar(WebinarDraft draft) {
        return new Webinar(draft, OffsetDateTime.now(ZoneOffset.UTC));
    }
}
