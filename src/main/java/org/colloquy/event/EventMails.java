package org.colloquy.event;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.colloquy.account.MemberAddresses;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.mail.MailCategory;
import org.colloquy.platform.mail.MailOutbox;
import org.colloquy.platform.web.Site;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The mails of the event context, queued in the caller's transaction: the confirmation of a
 * registration (with the join link and an invitation for the calendar, {@link WebinarCalendar}),
 * the news that a webinar's time, title or join link changed (what was and what is, with the
 * updated entry), the confirmation that the member cancelled their registration and the notice that
 * a webinar was cancelled (each with the calendar entry's cancellation). All are about something
 * the member asked for, so they are account mail, not marketing. Each calendar file carries the
 * registration's calendar sequence as it is when the mail is queued.
 */
@ApplicationScoped
public class EventMails {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
            .withLocale(Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(Locale.ENGLISH);

    @Inject
    private MailOutbox outbox;

    @Inject
    private MemberAddresses addresses;

    @Inject
    private Site site;

    @Inject
    @ConfigProperty(name = "colloquy.mail.from", defaultValue = "Colloquy <no-reply@localhost>")
    String from;

    /** The confirmation of a new registration, with the webinar's invitation for the member's calendar. */
    public void registered(Webinar webinar, WebinarRegistration registration) {
        String to = addresses.notifiable(List.of(registration.memberId())).get(registration.memberId());
        if (to == null) {
            return;
        }
        String page = pageOf(webinar);
        String body = Texts.get("event.mail.registered.body", webinar.title(), when(webinar),
                webinar.joinLink() == null ? Texts.get("event.mail.joinLinkLater") : webinar.joinLink(), page);
        outbox.enqueue(MailCategory.ACCOUNT, to, Texts.get("event.mail.registered.subject", oneLine(webinar.title())), body,
                List.of(WebinarCalendar.invitation(webinar, registration.id(), registration.calendarSequence(), page, organizer(), to,
                        Instant.now())));
    }

    /**
     * Tells these registrants what changed of the webinar (the time before and after, in the
     * webinar's zone as the confirmation states it; the title; the join link), each with the updated
     * invitation for their calendar.
     *
     * @return how many mails were queued: registrants without an address mail may go to get none
     */
    public int changed(Webinar webinar, WebinarChange change, Collection<WebinarRegistration> registrations) {
        Map<Long, String> to = addresses.notifiable(registrations.stream().map(WebinarRegistration::memberId).toList());
        String subject = Texts.get("event.mail.changed.subject", oneLine(webinar.title()));
        String page = pageOf(webinar);
        String body = Texts.get("event.mail.changed.body", change.titleChanged() ? change.before().title() : webinar.title(),
                whatChanged(change), page);
        Instant now = Instant.now();
        int queued = 0;
        for (WebinarRegistration registration : registrations) {
            String address = to.get(registration.memberId());
            if (address != null) {
                outbox.enqueue(MailCategory.ACCOUNT, address, subject, body, List.of(WebinarCalendar.invitation(webinar, registration.id(),
                        registration.calendarSequence(), page, organizer(), address, now)));
                queued++;
            }
        }
        return queued;
    }

    /** Confirms to the member that they cancelled their registration, with the cancellation of their calendar entry. */
    public void registrationCancelled(Webinar webinar, WebinarRegistration registration) {
        String to = addresses.notifiable(List.of(registration.memberId())).get(registration.memberId());
        if (to == null) {
            return;
        }
        String page = pageOf(webinar);
        outbox.enqueue(MailCategory.ACCOUNT, to, Texts.get("event.mail.registrationCancelled.subject", oneLine(webinar.title())),
                Texts.get("event.mail.registrationCancelled.body", webinar.title(), when(webinar), page),
                List.of(WebinarCalendar.cancellation(webinar, registration.id(), registration.calendarSequence(), page, organizer(), to,
                        Instant.now())));
    }

    /** Tells these registrants that the webinar is off, each with a cancellation of their calendar entry. */
    public void cancelled(Webinar webinar, Collection<WebinarRegistration> registrations) {
        Map<Long, String> to = addresses.notifiable(registrations.stream().map(WebinarRegistration::memberId).toList());
        String subject = Texts.get("event.mail.cancelled.subject", oneLine(webinar.title()));
        String body = Texts.get("event.mail.cancelled.body", webinar.title(), when(webinar));
        String page = pageOf(webinar);
        Instant now = Instant.now();
        for (WebinarRegistration registration : registrations) {
            String address = to.get(registration.memberId());
            if (address != null) {
                outbox.enqueue(MailCategory.ACCOUNT, address, subject, body, List.of(WebinarCalendar.cancellation(webinar,
                        registration.id(), registration.calendarSequence(), page, organizer(), address, now)));
            }
        }
    }

    private String pageOf(Webinar webinar) {
        return site.getUrl() + "/event?id=" + webinar.id();
    }

    /** The bare address of the portal's sender, the organizer in the calendar file. */
    private String organizer() {
        try {
            return new InternetAddress(from, false).getAddress();
        } catch (AddressException e) {
            return "no-reply@localhost";
        }
    }

    static String when(Webinar webinar) {
        return WHEN.format(webinar.startsAt().atZoneSameInstant(webinar.zone())) + " (" + webinar.zone().getId() + ")";
    }

    /** The lines of the change mail that say what changed, each as it was and as it is now. */
    static String whatChanged(WebinarChange change) {
        List<String> lines = new ArrayList<>();
        if (change.timeChanged()) {
            lines.add(Texts.get("event.mail.changed.time", span(change.before()), span(change.after())));
        }
        if (change.titleChanged()) {
            lines.add(Texts.get("event.mail.changed.title", oneLine(change.before().title()), oneLine(change.after().title())));
        }
        if (change.joinLinkChanged()) {
            lines.add(change.after().joinLink() == null ? Texts.get("event.mail.changed.joinLinkRemoved")
                    : Texts.get("event.mail.changed.joinLink", change.after().joinLink()));
        }
        return String.join("\n", lines);
    }

    /** "December 1, 2026 at 3:00 PM – 4:30 PM (Europe/Oslo)": start and end in the webinar's zone, the date once when both fall on it. */
    static String span(WebinarChange.Shown shown) {
        ZonedDateTime start = shown.startsAt().atZoneSameInstant(shown.zone());
        ZonedDateTime end = shown.endsAt().atZoneSameInstant(shown.zone());
        return WHEN.format(start) + " – " + (start.toLocalDate().equals(end.toLocalDate()) ? TIME.format(end) : WHEN.format(end))
                + " (" + shown.zone().getId() + ")";
    }

    private static String oneLine(String s) {
        String line = s.replaceAll("[\\r\\n]+", " ");
        return line.length() > 120 ? line.substring(0, 119) + "…" : line;
    }
}
