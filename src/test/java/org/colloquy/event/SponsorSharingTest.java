package org.colloquy.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The consent subject of a sponsor and webinar, and the exact wording a consent records (P-SPONSOR-1). */
class SponsorSharingTest {

    @Test
    void theSubjectNamesTheSponsorAndTheWebinar() {
        assertEquals("sponsor:12/event:5", SponsorSharing.subjectKey(12, 5));
        assertEquals(Optional.of(new SponsorSharing.Subject(12, 5)), SponsorSharing.parse("sponsor:12/event:5"));
        assertTrue(SponsorSharing.parse("sponsor:12").isEmpty());
        assertTrue(SponsorSharing.parse(null).isEmpty());
    }

    @Test
    void theNoticeIsTheWordingOfTheTickedBoxesInTheFormsOrder_P_SPONSOR_1() {
        assertEquals("Share my email address with Acme\nShare my organization with Acme\n"
                        + "Nothing is shared with a sponsor unless you tick a box, and you can withdraw at any time from this page or your privacy centre.",
                SponsorSharing.noticeText("Acme", EnumSet.of(SharedField.ORGANIZATION, SharedField.EMAIL)));
        assertEquals(java.util.List.of("email", "organization"), java.util.List.copyOf(
                SponsorSharing.consentRequest(1, "Acme", 2, "W", EnumSet.of(SharedField.ORGANIZATION, SharedField.EMAIL)).fields()));
    }
}
