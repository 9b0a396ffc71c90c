package org.colloquy.platform.mail;

import java.util.Optional;

/**
 * What recipients chose about mail that is not an account notice (P-MARKETING-1). The outbox asks
 * every bean of this type twice: when a mail is queued ({@link MailOutbox#enqueue}) and again just
 * before it is sent ({@link OutboxSender}), so that an opt-out counts for a mail queued before it.
 * {@link MailCategory#ACCOUNT} mail is never put to it. The platform defines the question; the
 * privacy context, which keeps consents and opt-outs, answers it. Without any bean, everything goes.
 */
public interface MailPreferences {

    /**
     * Why this mail must not go to this address now, or empty when it may.
     *
     * @param recipient the address the mail is for
     * @param category  {@link MailCategory#MARKETING} or {@link MailCategory#NOTIFICATION}
     * @param kind      the notification's kind, null for marketing
     * @return a short reason for the outbox record (at most {@link OutboxMail#SUPPRESSED_REASON_LENGTH} characters)
     */
    Optional<String> suppression(String recipient, MailCategory category, NotificationKind kind);
}
