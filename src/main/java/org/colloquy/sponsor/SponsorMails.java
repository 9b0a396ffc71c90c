package org.colloquy.sponsor;

import java.util.Collection;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.colloquy.account.MemberAddresses;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.mail.MailCategory;
import org.colloquy.platform.mail.MailOutbox;
import org.colloquy.platform.web.Site;

/** Mail to a sponsor's contacts, queued in the caller's transaction. It names no attendee: the portal does. */
@ApplicationScoped
public class SponsorMails {

    @Inject
    MailOutbox outbox;

    @Inject
    MemberAddresses addresses;

    @Inject
    Site site;

    void revocation(Collection<Long> contactIds, String webinarTitle) {
        Map<Long, String> to = addresses.notifiable(contactIds);
        String subject = Texts.get("sponsor.revocation.mail.subject");
        String body = Texts.get("sponsor.revocation.mail.body", webinarTitle, site.getUrl() + "/sponsor/portal");
        to.values().forEach(address -> outbox.enqueue(MailCategory.ACCOUNT, address, subject, body));
    }
}
