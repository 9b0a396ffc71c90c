package org.colloquy.sponsor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.colloquy.privacy.ConsentPurpose;
import org.colloquy.privacy.ConsentWithdrawn;

/** Hears every withdrawal, in the withdrawing transaction, and passes sponsor sharing on to {@link RevocationNotices}. */
@ApplicationScoped
public class RevocationObserver {

    @Inject
    RevocationNotices notices;

    void onWithdrawn(@Observes ConsentWithdrawn event) {
        if (event.purpose() == ConsentPurpose.SPONSOR_SHARING) {
            notices.withdrawn(event);
        }
    }
}
