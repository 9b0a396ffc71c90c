package org.colloquy.platform.mail;

import java.time.OffsetDateTime;

/**
 * A mail of the outbox as its recipient may read it back (their data export, P-ACCOUNT-3): what
 * was sent, when, and what became of it. Plain values, so no caller holds an outbox entity.
 *
 * @param notificationKind the kind of a {@link MailCategory#NOTIFICATION} mail, else null
 * @param suppressedReason why the mail was not sent after all (the member's preferences), else null
 */
public record MailCopy(long id, String subject, String bodyText, MailCategory category, NotificationKind notificationKind,
                       OffsetDateTime queuedAt, OffsetDateTime sentAt, OffsetDateTime suppressedAt, String suppressedReason) {

    /** {@code SENT}, {@code NOT_SENT} (suppressed by the member's choices) or {@code WAITING} (queued or retrying). */
    public String status() {
        return sentAt != null ? "SENT" : suppressedAt != null ? "NOT_SENT" : "WAITING";
    }
}
