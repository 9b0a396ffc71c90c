package org.colloquy.testimonial;

import java.time.OffsetDateTime;

/**
 * A published testimonial as public pages show it: the credit exactly as consented, or null for
 * anonymous. Nothing else about the author leaves the testimonial context (no username, no profile
 * link, no photo: decision 0024).
 */
public record PublicTestimonial(long id, String body, Integer rating, Long webinarId, String about, String credit,
                                OffsetDateTime publishedAt) {

    public boolean isAnonymous() {
        return credit == null;
    }

    static PublicTestimonial of(Testimonial t) {
        return new PublicTestimonial(t.id(), t.body(), t.rating(), t.webinarId(), t.about(), t.credit().isNamed() ? t.creditText() : null,
                t.publishedAt());
    }
}
