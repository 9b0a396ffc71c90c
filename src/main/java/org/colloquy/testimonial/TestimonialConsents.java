package org.colloquy.testimonial;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.colloquy.privacy.ConsentPurpose;
import org.colloquy.privacy.ConsentWithdrawn;

/**
 * Takes a testimonial's name down the moment its consent is withdrawn (P-TESTI-1, P-CONSENT-1):
 * the event comes inside the withdrawing transaction, so the withdrawal and the anonymous credit
 * commit together and the next page view, on any node, shows no name.
 */
@ApplicationScoped
public class TestimonialConsents {

    @Inject
    TestimonialWriter writer;

    void withdrawn(@Observes ConsentWithdrawn withdrawal) {
        if (withdrawal.purpose() == ConsentPurpose.TESTIMONIAL_NAME) {
            writer.nameWithdrawn(withdrawal.consentId());
        }
    }
}
