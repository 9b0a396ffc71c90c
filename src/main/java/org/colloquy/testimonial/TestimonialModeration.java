package org.colloquy.testimonial;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * What a testimonial moderator (an administrator or a moderator: decision 0025) does: publish as
 * the author chose, decline with a reason the author reads, ask for a change, feature on the home
 * page. There is deliberately no way here to change a credit (P-TESTI-1): staff publish the credit
 * as consented or not at all.
 */
@Stateless
@RolesAllowed({"ADMIN", "MODERATOR"})
public class TestimonialModeration {

    @Inject
    private TestimonialWriter writer;

    public List<Testimonial> awaitingReview() {
        return writer.inStatus(TestimonialStatus.AWAITING_REVIEW);
    }

    public List<Testimonial> published() {
        return writer.inStatus(TestimonialStatus.PUBLISHED);
    }

    public Testimonial publish(long id) {
        return writer.publish(id);
    }

    public Testimonial decline(long id, String reason) {
        return writer.decline(id, reason);
    }

    public Testimonial askForChange(long id, String note) {
        return writer.askForChange(id, note);
    }

    public Testimonial feature(long id, boolean featured) {
        return writer.feature(id, featured);
    }
}
