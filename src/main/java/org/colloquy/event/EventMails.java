package org.colloquy.event;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.colloquy.account.MemberAddresses;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.mail.MailCategory;
import org.colloquy.platform.mail.MailOutbox;
import org.colloquy.platform.web.Site;

/**
 * The mails of the event context, queued in the caller's transaction: the confirmation of a
 * registration (with the join link) and the notice that a webinar was cancelled. Both are about
 * something the member asked for, so they are account mail, not marketing.
 */
@ApplicationScoped
public class EventMails {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
            .withLocale(Locale.ENGLISH);

    @Inject
    private MailOutbox outbox;

    @Inject
    private MemberAddresses addresses;

    @Inject
    private Site site;

    public void registered(Webinar webinar, long memberId) {
        String to = addresses.notifiable(java.util.List.of(memberId)).get(memberId);
        if (to == null) {
            return;
        }
        String body = Texts.get("event.mail.registered.body", webinar.title(), when(webinar),
                webinar.joinLink() == null ? Texts.get("event.mail.joinLinkLater") : webinar.joinLink(),
                site.getUrl() + "/event?id=" + webinar.id());
        outbox.enqueue(MailCategory.ACCOUNT, to, Texts.get("event.mail.registered.subject", oneLine(webinar.title())), body);
    }

    public void cancelled(Webinar webinar, Collection<Long> memberIds) {
        Map<Long, String> to = addresses.notifiable(memberIds);
        String subject = Texts.get("event.mail.cancelled.subject", oneLine(webinar.title()));
        String body = Texts.get("event.mail.cancelled.body", webinar.title(), when(webinar));
        to.values().forEach(address -> outbox.enqueue(MailCategory.ACCOUNT, address, subject, body));
    }

    static String when(Webinar webinar) {
        return WHEN.format(webinar.startsAt().atZoneSameInstant(webinar.zone())) + " (" + webinar.zone().getId() + ")";
    }

    private static String oneLine(String s) {
        String line = s.replaceAll("[\\r\\n]+", " ");
        return line.length() > 120 ? line.substring(0, 119) + "…" : line;
    }
}
