package org.colloquy.event;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

import org.colloquy.platform.mail.MailAttachment;

/**
 * The iCalendar file (RFC 5545, written with iCal4j) that a registrant's calendar client adds,
 * updates and removes: an invitation ({@code METHOD:REQUEST}) with the confirmation and again, with
 * the new details, when the webinar's time, title or join link changes; a cancellation
 * ({@code METHOD:CANCEL}, {@code STATUS:CANCELLED}) when the webinar is called off or the member
 * cancels their registration. All carry the same UID, one per registration, and the registration's
 * {@code SEQUENCE} ({@link WebinarRegistration#calendarSequence()}), which grows with each revision,
 * so the client replaces or removes the entry it has instead of adding another. Start and end are
 * written in UTC ({@code ...Z}), the instants the event manager set in the webinar's time zone, so
 * no client has to know that zone. The join link is only in an invitation, which goes to the
 * registrant, who may see it. Pure: no container, no clock.
 */
public final class WebinarCalendar {

    /** The file name the registrant sees. */
    public static final String FILE_NAME = "webinar.ics";

    private static final String PRODUCT = "-//Colloquy//Webinars//EN";

    private WebinarCalendar() {
    }

    /**
     * The invitation sent with the confirmation of a registration (sequence 0, or higher for a
     * registration made again), and as the update when the webinar changes.
     *
     * @param sequence  the registration's calendar sequence, {@link WebinarRegistration#calendarSequence()}
     * @param pageUrl   the webinar's page, absolute
     * @param organizer the portal's sender address, as a bare address
     * @param attendee  the registrant's address
     */
    public static MailAttachment invitation(Webinar webinar, long registrationId, int sequence, String pageUrl, String organizer,
            String attendee, Instant stamp) {
        StringBuilder description = new StringBuilder(pageUrl);
        if (webinar.joinLink() != null) {
            description.append("\n\nJoin: ").append(webinar.joinLink());
        }
        VEvent event = event(webinar, registrationId, pageUrl, organizer, attendee, stamp, sequence, Status.VALUE_CONFIRMED,
                description.toString());
        if (webinar.joinLink() != null) {
            event.add(new Location(webinar.joinLink()));
        }
        return attachment(calendar(ImmutableMethod.REQUEST, event), "REQUEST");
    }

    /**
     * The cancellation sent when the webinar is called off or the member cancels their registration:
     * the same UID as the invitation, a sequence above the last invitation's, no join link.
     */
    public static MailAttachment cancellation(Webinar webinar, long registrationId, int sequence, String pageUrl, String organizer,
            String attendee, Instant stamp) {
        VEvent event = event(webinar, registrationId, pageUrl, organizer, attendee, stamp, sequence, Status.VALUE_CANCELLED,
                "Cancelled. " + pageUrl);
        return attachment(calendar(ImmutableMethod.CANCEL, event), "CANCEL");
    }

    /** The UID of a registration's calendar entry: stable, and unique beyond this portal by its host. */
    public static String uid(long webinarId, long registrationId, String pageUrl) {
        String host = URI.create(pageUrl).getHost();
        return "webinar-" + webinarId + "-registration-" + registrationId + "@" + (host == null ? "colloquy" : host.toLowerCase(Locale.ROOT));
    }

    private static VEvent event(Webinar webinar, long registrationId, String pageUrl, String organizer, String attendee, Instant stamp,
            int sequence, String status, String description) {
        VEvent event = new VEvent(false);
        event.add(new net.fortuna.ical4j.model.property.DtStamp(stamp));
        event.add(new net.fortuna.ical4j.model.property.DtStart<>(webinar.startsAt().toInstant()));
        event.add(new net.fortuna.ical4j.model.property.DtEnd<>(webinar.endsAt().toInstant()));
        event.add(new net.fortuna.ical4j.model.property.Summary(webinar.title()));
        event.add(new Uid(uid(webinar.id(), registrationId, pageUrl)));
        event.add(new Sequence(sequence));
        event.add(new Status(status));
        event.add(new Url(URI.create(pageUrl)));
        event.add(new Description(description));
        event.add(new Organizer(URI.create("mailto:" + organizer)));
        Attendee who = new Attendee(URI.create("mailto:" + attendee));
        who.add(Rsvp.FALSE);
        who.add(PartStat.ACCEPTED);
        event.add(who);
        return event;
    }

    private static Calendar calendar(net.fortuna.ical4j.model.property.Method method, VEvent event) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(method);
        calendar.add(event);
        return calendar;
    }

    private static MailAttachment attachment(Calendar calendar, String method) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new CalendarOutputter().output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException("The webinar's calendar file is not valid iCalendar: " + e.getMessage(), e);
        }
        return new MailAttachment(FILE_NAME, "text/calendar; charset=UTF-8; method=" + method, out.toByteArray());
    }
}
