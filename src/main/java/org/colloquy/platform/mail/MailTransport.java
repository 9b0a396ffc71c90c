package org.colloquy.platform.mail;

/**
 * Hands one mail to the world outside the outbox. {@link OutboxSender} calls it outside any
 * transaction, after it has claimed the mail; returning normally means the mail is sent, any
 * exception means the attempt failed and will be repeated after a back-off. Implementations hold
 * no state between calls and are safe to use from several threads.
 */
public interface MailTransport {

    /**
     * @param mail the claimed mail; only its recipient, subject, body and attachments are read
     * @throws Exception when the mail could not be handed over; its message is kept as the mail's last error
     */
    void send(OutboxMail mail) throws Exception;

    /** What this transport is, for the log: no password. */
    String describe();
}
