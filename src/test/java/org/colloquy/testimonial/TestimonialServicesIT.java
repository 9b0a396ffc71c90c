package org.colloquy.testimonial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;

import org.colloquy.event.EventService;
import org.colloquy.event.Webinar;
import org.colloquy.event.WebinarDraft;
import org.colloquy.platform.persistence.DatabaseMigrator;
import org.colloquy.platform.security.NotSignedInException;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.policy.PolicyService;
import org.colloquy.privacy.Consent;
import org.colloquy.privacy.ConsentPurpose;
import org.colloquy.privacy.ConsentService;
import org.colloquy.privacy.DisclosureService;
import org.colloquy.privacy.LedgerEntryView;
import org.colloquy.privacy.RecipientKind;
import org.colloquy.test.Deployments;
import org.colloquy.test.TestMembers;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Testimonials inside the container on the real database: a named credit is a consent with the
 * exact wording (anonymous needs none), publishing with a name is one disclosure to the public in
 * the ledger and every way the showing stops writes its end, withdrawing the consent takes the name
 * off the public list in the same transaction, staff publish or decline but never change a credit,
 * and the services refuse callers who may not act. The caller here is anonymous.
 */
@ExtendWith(ArquillianExtension.class)
class TestimonialServicesIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.portal().addClasses(TestMembers.class);
    }

    @Resource(lookup = DatabaseMigrator.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    PolicyService policies;

    @Inject
    TestimonialWriter writer;

    @Inject
    TestimonialService service;

    @Inject
    TestimonialModeration moderation;

    @Inject
    ConsentService consents;

    @Inject
    DisclosureService disclosures;

    @Inject
    EventService events;

    /** P-TESTI-1, P-CONSENT-1: anonymous is recorded with no consent; a name is a consent naming exactly what is shown. */
    @Test
    void aNamedCreditIsAConsentWithTheExactWordingAndAnonymousNeedsNone_P_TESTI_1_P_CONSENT_1() {
        long member = member("Ada Byron Lovelace");
        Testimonial anonymous = writer.write(member, draft("Plain words", Credit.ANONYMOUS, null), "test");
        assertEquals(Credit.ANONYMOUS, anonymous.credit());
        assertNull(anonymous.creditText());
        assertEquals(TestimonialStatus.AWAITING_REVIEW, anonymous.status());
        assertTrue(consents.history(member).isEmpty(), "no consent for an anonymous testimonial");

        Testimonial named = writer.write(member, draft("Named words", Credit.FULL_NAME, null), "test");
        assertEquals("Ada Byron Lovelace", named.creditText());
        Consent consent = consents.find(named.consentId()).orElseThrow();
        assertEquals(ConsentPurpose.TESTIMONIAL_NAME, consent.purpose());
        assertEquals("testimonial:" + named.id(), consent.subjectKey());
        assertEquals(Set.of("name"), consent.fields());
        assertEquals("Show my name, Ada Byron Lovelace, with this testimonial on the public testimonials page and the home page.",
                consent.noticeText());
        assertEquals(CreditWording.NOTICE_VERSION, consent.noticeVersion());

        Testimonial initials = writer.write(member, draft("Initialled words", Credit.INITIALS, "Analytical Engines"), "test");
        assertEquals("A. B. L., Analytical Engines", initials.creditText());
        Consent second = consents.find(initials.consentId()).orElseThrow();
        assertEquals(Set.of("initials", "organization"), second.fields());
        assertTrue(second.noticeText().contains("A. B. L., Analytical Engines"), second.noticeText());
        assertTrue(disclosures.forMember(member, 0, 10).isEmpty(), "nothing is disclosed before publication");
        assertTrue(shown(named.id()).isEmpty() && shown(anonymous.id()).isEmpty(), "nothing is public before review (P-TESTI-2)");
    }

    /**
     * P-TESTI-1: publication with a name is one ledger entry resting on the consent; withdrawing the
     * consent takes the name off the public list at once and writes the end; the words stay, anonymous.
     */
    @Test
    void withdrawingTheNameConsentUnpublishesTheNameAtOnceAndTheLedgerShowsTheEnd_P_TESTI_1_P_CONSENT_1() {
        long member = member("Grace Hopper");
        Testimonial t = writer.write(member, draft("Compilers are friends", Credit.FULL_NAME, null), "test");
        writer.publish(t.id());
        assertEquals("Grace Hopper", shown(t.id()).orElseThrow().credit());

        List<LedgerEntryView> ledger = disclosures.forMember(member, 0, 10).entries();
        assertEquals(1, ledger.size());
        LedgerEntryView start = ledger.get(0);
        assertEquals(RecipientKind.PUBLIC, start.kind());
        assertEquals(t.consentId(), start.consentId());
        assertEquals(Set.of("name"), start.fields());
        assertFalse(start.isEnd());
        assertTrue(start.purpose().contains("Grace Hopper"), start.purpose());

        consents.withdraw(member, t.consentId(), "Privacy centre");

        PublicTestimonial now = shown(t.id()).orElseThrow();
        assertTrue(now.isAnonymous(), "the name is gone on the next read");
        assertEquals("Compilers are friends", now.body());
        ledger = disclosures.forMember(member, 0, 10).entries();
        assertEquals(2, ledger.size());
        assertTrue(ledger.get(0).isEnd());
        assertEquals(start.id(), ledger.get(0).endsEntryId());
        assertEquals(t.consentId(), ledger.get(0).consentId(), "the end names the consent the showing rested on");
        Testimonial after = writer.of(member).get(0);
        assertEquals(Credit.ANONYMOUS, after.credit());
        assertNull(after.creditText());
        assertNull(after.disclosureEntryId());
        assertEquals(TestimonialStatus.PUBLISHED, after.status());
    }

    /** P-TESTI-1: switching credit while published applies at once: the old consent and showing end, the new ones start. */
    @Test
    void switchingToInitialsWhilePublishedEndsTheNameAndStartsTheInitials_P_TESTI_1() {
        long member = member("Katherine Johnson");
        Testimonial t = writer.write(member, draft("Orbits, computed", Credit.FULL_NAME, null), "test");
        writer.publish(t.id());
        long firstConsent = t.consentId();

        Testimonial switched = writer.edit(member, t.id(), draft("Orbits, computed", Credit.INITIALS, "NASA"), "test");
        assertEquals(TestimonialStatus.PUBLISHED, switched.status(), "a credit change alone needs no review");
        assertEquals("K. J., NASA", shown(t.id()).orElseThrow().credit());
        assertFalse(consents.isLive(firstConsent));
        assertTrue(consents.isLive(switched.consentId()));
        List<LedgerEntryView> ledger = disclosures.forMember(member, 0, 10).entries();
        assertEquals(3, ledger.size(), "start with the name, its end, start with the initials");
        assertEquals(Set.of("initials", "organization"), ledger.get(0).fields());
        assertFalse(ledger.get(0).isEnd());
        assertTrue(ledger.get(1).isEnd());
        assertEquals(ledger.get(2).id(), ledger.get(1).endsEntryId());

        // New words go back to review: off the public page, the showing ended, the consent kept for the next publication.
        Testimonial edited = writer.edit(member, t.id(), draft("Orbits, computed by hand", Credit.INITIALS, "NASA"), "test");
        assertEquals(TestimonialStatus.AWAITING_REVIEW, edited.status());
        assertTrue(shown(t.id()).isEmpty());
        assertTrue(disclosures.forMember(member, 0, 10).entries().get(0).isEnd());
        assertTrue(consents.isLive(edited.consentId()));
    }

    /** P-TESTI-2: declined with a reason the author reads; a change asked for; blank reasons refused; featuring. */
    @Test
    void moderatorsDeclineWithAReasonAskForChangesAndFeature_P_TESTI_2() {
        long member = member("Edsger Dijkstra");
        Testimonial t = writer.write(member, draft("Considered helpful", Credit.ANONYMOUS, null), "test");
        InvalidInputException blank = assertThrows(InvalidInputException.class, () -> writer.decline(t.id(), "  "));
        assertTrue(blank.problems().get(TestimonialWriter.NOTE).contains("Give the author a reason"), blank.problems().toString());
        assertThrows(InvalidInputException.class, () -> writer.feature(t.id(), true), "only a published one can be featured");

        writer.decline(t.id(), "Please leave out the goto joke.");
        Testimonial declined = writer.of(member).get(0);
        assertEquals(TestimonialStatus.DECLINED, declined.status());
        assertEquals("Please leave out the goto joke.", declined.staffNote());
        assertTrue(shown(t.id()).isEmpty());

        writer.edit(member, t.id(), draft("Considered very helpful", Credit.ANONYMOUS, null), "test");
        assertEquals(TestimonialStatus.AWAITING_REVIEW, writer.of(member).get(0).status());
        assertNull(writer.of(member).get(0).staffNote());
        writer.askForChange(t.id(), "Say which forum helped.");
        assertEquals(TestimonialStatus.CHANGE_REQUESTED, writer.of(member).get(0).status());

        writer.publish(t.id());
        writer.feature(t.id(), true);
        assertTrue(writer.featured(100).stream().anyMatch(p -> p.id() == t.id()));
        writer.feature(t.id(), false);
        assertFalse(writer.featured(100).stream().anyMatch(p -> p.id() == t.id()));
    }

    /** Bad input: a message per field and nothing saved. */
    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsSaved() {
        long member = member("Barbara Liskov");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> writer.write(member, new TestimonialDraft(" ", 7, Long.MAX_VALUE, Credit.INITIALS, ""), "test"));
        assertEquals(Set.of("body", "rating", "about", "organization"), e.problems().keySet());
        assertThrows(InvalidInputException.class,
                () -> writer.write(member, new TestimonialDraft("y".repeat(2001), null, null, Credit.ANONYMOUS, null), "test"));
        assertTrue(writer.of(member).isEmpty());
        assertTrue(consents.history(member).isEmpty());
    }

    /**
     * A testimonial is about a webinar that took place, or the community in general: the public
     * credit line names the webinar and links it; one still to come, or cancelled, is refused beside
     * the field.
     */
    @Test
    void aTestimonialIsAboutAWebinarThatTookPlaceOrTheCommunityInGeneral() {
        long member = member("Grace Hopper");
        LocalDate held = LocalDate.now().minusDays(10);
        LocalDate coming = LocalDate.now().plusDays(10);
        String title = "Compilers for people " + UUID.randomUUID();
        Webinar past = events.createUnchecked(new WebinarDraft(title, "Held.", held.atTime(LocalTime.NOON), held.atTime(LocalTime.NOON.plusHours(1)),
                "UTC", 10, null, "https://meet.example.org/c", List.of()));
        Webinar upcoming = events.createUnchecked(new WebinarDraft("Still to come " + title, "Soon.", coming.atTime(LocalTime.NOON),
                coming.atTime(LocalTime.NOON.plusHours(1)), "UTC", 10, null, "https://meet.example.org/d", List.of()));

        assertTrue(service.webinarChoices(null).stream().anyMatch(c -> c.id() == past.id()), "a webinar that took place is offered");
        assertFalse(service.webinarChoices(null).stream().anyMatch(c -> c.id() == upcoming.id()), "one still to come is not");
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> writer.write(member, new TestimonialDraft("Early", null, upcoming.id(), Credit.ANONYMOUS, null), "test"));
        assertEquals(Set.of("about"), refused.problems().keySet());

        Testimonial t = writer.write(member, new TestimonialDraft("Nanoseconds, explained", 5, past.id(), Credit.ANONYMOUS, null), "test");
        writer.publish(t.id());
        PublicTestimonial shown = shown(t.id()).orElseThrow();
        assertEquals(past.id(), shown.webinarId());
        assertEquals(title, shown.about());

        Testimonial general = writer.edit(member, t.id(), new TestimonialDraft("Nanoseconds, explained", 5, null, Credit.ANONYMOUS, null), "test");
        assertNull(general.webinarId());
        assertNull(general.about());
        assertEquals(TestimonialStatus.AWAITING_REVIEW, general.status(), "a changed subject goes back to review");
    }

    /** Withdrawing the testimonial removes it everywhere, withdraws its consent and ends the showing (P-TESTI-1). */
    @Test
    void withdrawingATestimonialRemovesItAndEndsTheShowing_P_TESTI_1() {
        long member = member("Frances Allen");
        Testimonial t = writer.write(member, draft("Optimised", Credit.FULL_NAME, null), "test");
        writer.publish(t.id());
        writer.withdraw(member, t.id(), "test");
        assertTrue(shown(t.id()).isEmpty());
        assertTrue(writer.of(member).isEmpty());
        assertFalse(consents.isLive(t.consentId()));
        assertTrue(disclosures.forMember(member, 0, 10).entries().get(0).isEnd());
    }

    /** Services refuse who may not act: another member's testimonial is not theirs; moderation needs the role; no caller, no writing. */
    @Test
    void servicesRefuseCallersWhoMayNotAct() {
        long author = member("Radia Perlman");
        long other = member("Someone Else");
        Testimonial t = writer.write(author, draft("Spanning trees", Credit.FULL_NAME, null), "test");
        assertThrows(NoSuchTestimonialException.class, () -> writer.edit(other, t.id(), draft("Mine now", Credit.ANONYMOUS, null), "test"));
        assertThrows(NoSuchTestimonialException.class, () -> writer.withdraw(other, t.id(), "test"));
        assertThrows(EJBException.class, () -> moderation.publish(t.id()), "an anonymous caller is no moderator");
        assertThrows(EJBException.class, () -> moderation.awaitingReview());
        assertThrows(NotSignedInException.class, () -> service.write(draft("Hello", Credit.ANONYMOUS, null)));
        assertThrows(NotSignedInException.class, () -> service.mine());
        assertEquals("Spanning trees", writer.of(author).get(0).body());
        assertEquals(TestimonialStatus.AWAITING_REVIEW, writer.of(author).get(0).status());
    }

    // ------------------------------------------------------------------ helpers

    private long member(String realName) {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        return new TestMembers(dataSource, policies).create("testi" + id, realName, "testi." + id + "@example.org",
                OffsetDateTime.now(ZoneOffset.UTC).minusDays(3), true);
    }

    private static TestimonialDraft draft(String body, Credit credit, String organization) {
        return new TestimonialDraft(body, 5, null, credit, organization);
    }

    private Optional<PublicTestimonial> shown(long id) {
        return writer.published(0, 1000).items().stream().filter(p -> p.id() == id).findFirst();
    }
}
