package org.colloquy.platform.mail.web;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.platform.mail.MailOutbox;
import org.colloquy.platform.mail.OutboxMail;
import org.colloquy.platform.web.Site;
import org.omnifaces.util.Faces;

/**
 * Backs {@code /dev/mailbox}: the newest mails of the outbox, for trying the portal's mail flows in
 * demo mode without an SMTP server. Outside demo mode the page does not exist (404), because it
 * shows every member's mail, one-time links included.
 */
@Named
@RequestScoped
public class DevMailboxBacking {

    static final int SHOWN = 50;

    /** The states a person reads off a mail in the dev mailbox. */
    public enum Status {
        SENT, QUEUED, RETRYING, SUPPRESSED
    }

    /**
     * One mail as the page shows it.
     *
     * @param body the body cut at its URLs, see {@link LinkedText}
     */
    public record MailView(long id, String recipient, String subject, OffsetDateTime queuedAt, OffsetDateTime sentAt,
            Status status, int failedAttempts, String suppressedReason, List<LinkedText.Piece> body) {

        static MailView of(OutboxMail mail) {
            Status status = mail.isSent() ? Status.SENT : mail.isSuppressed() ? Status.SUPPRESSED : mail.attempts() > 0 ? Status.RETRYING : Status.QUEUED;
            return new MailView(mail.id(), mail.recipient(), mail.subject(), utc(mail.createdAt()),
                    mail.sentAt().map(MailView::utc).orElse(null), status, mail.attempts(), mail.suppressedReason().orElse(""), LinkedText.split(mail.bodyText()));
        }

        private static OffsetDateTime utc(OffsetDateTime time) {
            return time.withOffsetSameInstant(ZoneOffset.UTC);
        }
    }

    @Inject
    Site site;

    @Inject
    MailOutbox outbox;

    private List<MailView> mails = List.of();

    /** The page's view action: 404 outside demo mode, else loads the newest mails. */
    public void load() throws IOException {
        if (!site.isDemo()) {
            Faces.responseSendError(404, "The dev mailbox exists only in demo mode");
            return;
        }
        mails = outbox.newest(SHOWN).stream().map(MailView::of).toList();
    }

    public List<MailView> getMails() {
        return mails;
    }
}
