package org.colloquy.event;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.colloquy.privacy.Consent;
import org.colloquy.privacy.ConsentPurpose;
import org.colloquy.privacy.ConsentService;

/**
 * What a registrant shares with each sponsor of a webinar, kept as consents of the privacy context
 * (one live consent per sponsor and webinar, decision 0021). Joins the caller's transaction.
 */
@ApplicationScoped
public class SharingConsents {

    @Inject
    ConsentService consents;

    /** What the member shares now with each of these sponsors of the webinar: sponsor id to its live consent. */
    public Map<Long, Consent> live(long memberId, long webinarId, List<Long> sponsorIds) {
        Map<Long, Consent> sharing = new LinkedHashMap<>();
        for (long sponsorId : sponsorIds) {
            consents.live(memberId, ConsentPurpose.SPONSOR_SHARING, SponsorSharing.subjectKey(sponsorId, webinarId))
                    .ifPresent(c -> sharing.put(sponsorId, c));
        }
        return sharing;
    }

    /**
     * Makes the member's consent for this sponsor and webinar say exactly these fields: unchanged when
     * it already does, else the old one is withdrawn and, when anything is ticked, a new one given.
     */
    void set(long memberId, long webinarId, long sponsorId, String sponsorName, String webinarTitle, Set<SharedField> ticked) {
        String key = SponsorSharing.subjectKey(sponsorId, webinarId);
        Set<String> tickedKeys = ticked.stream().map(SharedField::key).collect(Collectors.toSet());
        Optional<Consent> live = consents.live(memberId, ConsentPurpose.SPONSOR_SHARING, key);
        if (live.isPresent() && live.get().fields().equals(tickedKeys)) {
            return;
        }
        consents.withdrawAll(memberId, ConsentPurpose.SPONSOR_SHARING, key, SponsorSharing.VIA_REGISTRATION);
        if (!ticked.isEmpty()) {
            consents.give(memberId, SponsorSharing.consentRequest(sponsorId, sponsorName, webinarId, webinarTitle, EnumSet.copyOf(ticked)));
        }
    }

    void withdraw(long memberId, long webinarId, long sponsorId, String via) {
        consents.withdrawAll(memberId, ConsentPurpose.SPONSOR_SHARING, SponsorSharing.subjectKey(sponsorId, webinarId), via);
    }
}
