package org.colloquy.workgroup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.colloquy.account.MemberAddresses;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.mail.MailCategory;
import org.colloquy.platform.mail.MailOutbox;
import org.colloquy.platform.web.Site;

/**
 * The workgroup's mail, through the outbox in the caller's transaction. A release notice and a
 * participation marked inactive concern what is published about the member, so they are account
 * mail, sent whatever the member chose about notifications.
 */
@ApplicationScoped
public class WorkgroupMails {

    @Inject
    MailOutbox outbox;

    @Inject
    Site site;

    void releaseNotice(MemberAddresses.Address to, Workgroup group, Document document, Release release, ReleaseNotice notice) {
        String organization = notice.organization() == null ? Texts.get("workgroup.notice.noOrganization") : notice.organization();
        outbox.enqueue(MailCategory.ACCOUNT, to.email(),
                Texts.get("workgroup.mail.notice.subject", document.title(), release.plannedFor()),
                Texts.get("workgroup.mail.notice.body", to.name(), group.name(), document.title() + " " + document.versionLabel(),
                        release.plannedFor(), notice.name(), notice.email(), organization, site.getUrl() + "/account/workgroups"));
    }

    void invited(MemberAddresses.Address to, Workgroup group) {
        if (to == null) {
            return;
        }
        outbox.enqueue(MailCategory.ACCOUNT, to.email(), Texts.get("workgroup.mail.invited.subject", group.name()),
                Texts.get("workgroup.mail.invited.body", to.name(), group.name(), site.getUrl() + "/account/workgroups"));
    }

    void markedInactive(MemberAddresses.Address to, Workgroup group, String reason) {
        if (to == null) {
            return;
        }
        outbox.enqueue(MailCategory.ACCOUNT, to.email(), Texts.get("workgroup.mail.inactive.subject", group.name()),
                Texts.get("workgroup.mail.inactive.body", to.name(), group.name(), reason, site.getUrl() + "/account/workgroups"));
    }
}
