package org.colloquy.testimonial;

/** Where a testimonial is in moderation (P-TESTI-2): only {@link #PUBLISHED} ones are public. */
public enum TestimonialStatus {
    AWAITING_REVIEW,
    PUBLISHED,
    /** A moderator asked the author for a change; the note says what. */
    CHANGE_REQUESTED,
    /** Declined; the reason is shown to the author. */
    DECLINED
}
