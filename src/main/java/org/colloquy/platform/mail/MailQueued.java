package org.colloquy.platform.mail;

/**
 * Fired by {@link MailOutbox#enqueue} for every mail it writes. Observed only after the enqueuing
 * transaction commits ({@code TransactionPhase.AFTER_SUCCESS}), so nothing reacts to a mail whose
 * transaction rolled back.
 *
 * @param mailId the id of the new {@link OutboxMail}
 */
public record MailQueued(long mailId) {
}
