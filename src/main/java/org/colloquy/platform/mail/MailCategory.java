package org.colloquy.platform.mail;

/**
 * Why a mail is sent, stored with every {@link OutboxMail} so that sending rules can tell
 * a security notice from a promotion (promise P-MARKETING-1).
 */
public enum MailCategory {

    /**
     * Security and account notices: registration, address verification, password reset, notice of
     * an email change, a material policy change. Always sent, whatever the member chose about other
     * mail, because a member needs them to keep control of the account.
     */
    ACCOUNT,

    /**
     * Promotional mail: newsletters, event announcements, sponsor offers. Sent only to a member with
     * a live marketing consent, checked when the mail is queued and again when it is sent.
     */
    MARKETING,

    /**
     * A notice of activity the member may want to hear of, of one {@link NotificationKind} (a reply,
     * a mention, a reminder). Not sent when the member has opted out of that kind, checked when the
     * mail is queued and again when it is sent.
     */
    NOTIFICATION
}
