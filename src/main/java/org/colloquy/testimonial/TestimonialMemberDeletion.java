package org.colloquy.testimonial;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.colloquy.account.MemberDeleting;

/**
 * The testimonials' part of deleting an account (P-ACCOUNT-2): each is withdrawn through the
 * author's own path, so its name consent is withdrawn and its showing ended in the ledger.
 */
@ApplicationScoped
public class TestimonialMemberDeletion {

    static final String VIA = "Account deletion";

    @Inject
    TestimonialWriter writer;

    void deleting(@Observes MemberDeleting deletion) {
        for (Testimonial testimonial : writer.of(deletion.memberId())) {
            writer.withdraw(deletion.memberId(), testimonial.id(), VIA);
        }
    }
}
