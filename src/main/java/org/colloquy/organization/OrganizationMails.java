package org.colloquy.organization;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.colloquy.account.MemberAddresses;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.mail.MailCategory;
import org.colloquy.platform.mail.MailOutbox;
import org.colloquy.platform.web.Site;

/**
 * The organization context's mail, through the outbox in the caller's transaction. The claim link
 * and the prior notice are account mail: a member's preferences cannot turn the notice off.
 */
@ApplicationScoped
public class OrganizationMails {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    @Inject
    MailOutbox outbox;

    @Inject
    Site site;

    void claimLink(String address, Organization organization, String domain, String token) {
        outbox.enqueue(MailCategory.ACCOUNT, address, Texts.get("organization.mail.claim.subject", organization.name(), domain),
                Texts.get("organization.mail.claim.body", organization.name(), domain,
                        site.getUrl() + "/organization-confirm?token=" + token));
    }

    void priorNotice(MemberAddresses.Address to, Organization organization, String domain, OffsetDateTime accessFrom) {
        String name = to.name() == null || to.name().isBlank() ? Texts.get("organization.mail.notice.member") : to.name();
        outbox.enqueue(MailCategory.ACCOUNT, to.email(), Texts.get("organization.mail.notice.subject", organization.name()),
                Texts.get("organization.mail.notice.body", name, organization.name(), domain, to.email(),
                        DAY.format(accessFrom), site.getUrl() + "/account/privacy", site.getUrl() + "/account"));
    }

    void administratorNamed(MemberAddresses.Address to, Organization organization) {
        outbox.enqueue(MailCategory.ACCOUNT, to.email(), Texts.get("organization.mail.named.subject", organization.name()),
                Texts.get("organization.mail.named.body", greeting(to), organization.name(), site.getUrl() + "/organization?id=" + organization.id()));
    }

    void administratorRemoved(MemberAddresses.Address to, Organization organization, String successor) {
        outbox.enqueue(MailCategory.ACCOUNT, to.email(), Texts.get("organization.mail.removed.subject", organization.name()),
                Texts.get("organization.mail.removed.body", greeting(to), organization.name(), successor));
    }

    void claimWithdrawn(MemberAddresses.Address to, Organization organization, String domain) {
        outbox.enqueue(MailCategory.ACCOUNT, to.email(), Texts.get("organization.mail.withdrawn.subject", organization.name()),
                Texts.get("organization.mail.withdrawn.body", greeting(to), organization.name(), domain, site.getUrl() + "/account/privacy"));
    }

    private static String greeting(MemberAddresses.Address to) {
        return to.name() == null || to.name().isBlank() ? Texts.get("organization.mail.notice.member") : to.name();
    }
}
