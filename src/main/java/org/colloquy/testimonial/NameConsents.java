package org.colloquy.testimonial;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.colloquy.platform.i18n.Texts;
import org.colloquy.privacy.ConsentPurpose;
import org.colloquy.privacy.ConsentRequest;
import org.colloquy.privacy.ConsentService;

/**
 * Gives a testimonial's name consent through the privacy context's service, in the caller's
 * transaction, and hands back only its id: the testimonial context keeps no privacy entity.
 */
@ApplicationScoped
public class NameConsents {

    @Inject
    ConsentService consents;

    /** Records the member's consent to show exactly {@code creditText} with testimonial {@code testimonialId}. */
    long give(long memberId, long testimonialId, Credit credit, String creditText, String via) {
        return consents.give(memberId, ConsentRequest.of(ConsentPurpose.TESTIMONIAL_NAME, CreditWording.NOTICE_VERSION,
                        CreditWording.notice(credit, creditText), via)
                .about("testimonial:" + testimonialId, Texts.get("testimonial.consent.subject", testimonialId))
                .forFields(credit.fields())).id();
    }
}
