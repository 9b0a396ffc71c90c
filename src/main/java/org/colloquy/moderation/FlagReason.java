package org.colloquy.moderation;

/**
 * Why a member flags a post: the forum rules' forbidden categories (P-FORUM-2), off-topic, and
 * {@link #OTHER}, which needs the member's own explanation. Pages name a reason with the text key
 * {@code moderation.reason.<NAME>}; moderators give one of these too when they act.
 */
public enum FlagReason {
    FALSE_OR_DEFAMATORY,
    ABUSIVE,
    HATEFUL_OR_HARASSING,
    OBSCENE,
    THREATENING,
    PRIVACY_INVADING,
    UNLAWFUL,
    COPYRIGHT,
    ADVERTISING,
    OFF_TOPIC,
    OTHER;

    /** Whether the member must explain in their own words. */
    public boolean needsExplanation() {
        return this == OTHER;
    }
}
