package org.colloquy.platform.mail;

/**
 * Why a mail is sent, stored with every {@link OutboxMail} so that sending rules can tell
 * a security notice from a promotion.
 */
public enum MailCategory {

    /**
     * Security and account notices: registration, address verification, password reset, notice of
     * an email change. Sent regardless of marketing preferences, because a member needs them to
     * keep control of the account (promise P-MARKETING-1 covers only {@link #MARKETING}).
     */
    ACCOUNT,

    /**
     * Promotional mail: newsletters, event announcements, sponsor offers. Only the category is
     * recorded for now; honouring the member's marketing preferences arrives with its own issue.
     */
    MARKETING
}
