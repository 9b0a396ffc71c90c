package org.colloquy.testimonial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.colloquy.account.DemoAccounts;
import org.colloquy.event.EventDemoContent;
import org.junit.jupiter.api.Test;

/** The demo testimonials: each credit choice published at least once, by demo members, within the writer's limits. */
class TestimonialDemoContentTest {

    @Test
    void demoContentPublishesATestimonialWithEachCreditChoice_P_TESTI_1() {
        assertEquals(EnumSet.allOf(Credit.class), TestimonialDemoContent.SAMPLES.stream().filter(TestimonialDemoContent.Sample::publish)
                .map(s -> s.draft().credit()).collect(Collectors.toCollection(() -> EnumSet.noneOf(Credit.class))));
        Set<String> demoMembers = DemoAccounts.ACCOUNTS.stream().map(DemoAccounts.DemoAccount::username).collect(Collectors.toSet());
        TestimonialDemoContent.SAMPLES.forEach(s -> {
            assertTrue(demoMembers.contains(s.username()), s.username());
            assertTrue(s.draft().body().length() <= Testimonial.BODY_LENGTH);
            assertTrue(!s.feature() || s.publish(), "only published ones are featured");
        });
        assertTrue(new TestimonialDemoContent().order() > new DemoAccounts().order(), "seeded after the accounts");
        assertTrue(new TestimonialDemoContent().order() > new EventDemoContent().order(), "seeded after the webinar one is about");
        assertTrue(TestimonialDemoContent.SAMPLES.stream().anyMatch(s -> s.publish() && EventDemoContent.PAST_WEBINAR.equals(s.webinar())),
                "a published demo testimonial is about the past demo webinar");
    }

    @Test
    void initialsAreTheFirstLetterOfEachPartOfTheName() {
        assertEquals("A. B. L.", CreditWording.initials("Ada Byron Lovelace"));
        assertEquals("J. L. P.", CreditWording.initials(" jean-luc  picard "));
        assertEquals("Ø. Å.", CreditWording.initials("øystein åsen"));
    }
}
