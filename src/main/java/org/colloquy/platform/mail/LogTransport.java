package org.colloquy.platform.mail;

import java.util.logging.Logger;

/**
 * The transport when no SMTP host is configured: writes the recipient, subject and body to the
 * server log at INFO and counts the mail as sent. This is how the run command shows mail without
 * an SMTP server; in production it would lose mail, so {@link MailTransports} warns at start-up
 * when it is in use outside demo mode.
 */
public class LogTransport implements MailTransport {

    private static final Logger LOG = Logger.getLogger(LogTransport.class.getName());

    @Override
    public void send(OutboxMail mail) {
        LOG.info(() -> "Mail (not sent: no SMTP host) to " + mail.recipient() + "\nSubject: " + mail.subject()
                + "\n\n" + mail.bodyText()
                + (mail.attachments().isEmpty() ? "" : "\n\nAttached: " + mail.attachments()));
    }

    @Override
    public String describe() {
        return "the server log (no SMTP host configured)";
    }
}
