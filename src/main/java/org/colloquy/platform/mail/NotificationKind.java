package org.colloquy.platform.mail;

/**
 * The kinds of {@link MailCategory#NOTIFICATION} mail, each of which a member can opt out of on its
 * own (P-MARKETING-1). Defined here, beside the outbox that stores the kind with each mail, so that
 * every context that notifies can name it; the member's choices are kept by the privacy context.
 * Pages name a kind with the text key {@code mail.kind.<NAME>}.
 */
public enum NotificationKind {

    /** Someone replied to a post of the member. */
    FORUM_REPLY,

    /** Someone mentioned the member's username in a post. */
    FORUM_MENTION,

    /** A new post in a topic the member watches. */
    WATCHED_TOPIC,

    /** An event the member registered for begins soon. */
    EVENT_REMINDER,

    /** Activity in a workgroup the member takes part in (a draft, a comment, a coming release). */
    WORKGROUP_ACTIVITY,

    /** What became of a post the member flagged (moderation). */
    MODERATION_OUTCOME
}
