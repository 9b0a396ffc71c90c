package org.colloquy.event;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.colloquy.account.MemberDirectory;
import org.colloquy.event.EventService.RegistrationForm;
import org.colloquy.platform.demo.DemoContent;
import org.colloquy.platform.image.UploadedImages;
import org.colloquy.sponsor.Sponsor;
import org.colloquy.sponsor.SponsorService;

/**
 * A demo webinar two weeks ahead with two sponsors: sam is the contact of Northwind Learning and
 * priya of Globex Labs. ada shares her email and name with Northwind, evelyn her organization with
 * Globex, and morgan registered without sharing anything, so each sponsor's portal shows consenting
 * attendees and a number who did not consent.
 */
@ApplicationScoped
public class EventDemoContent implements DemoContent {

    /** The webinar that took place three weeks before the demo starts (a demo testimonial is about it). */
    public static final String PAST_WEBINAR = "Privacy by design for community sites";

    @Inject
    private EventService events;

    @Inject
    private SponsorService sponsors;

    @Inject
    private MemberDirectory directory;

    @Override
    public String name() {
        return "events";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public void seed() {
        Sponsor northwind = sponsors.createUnchecked("Northwind Learning", "Courses on privacy engineering for teams.");
        Sponsor globex = sponsors.createUnchecked("Globex Labs", "Tools for consent records and audit trails.");
        sponsors.setLogoUnchecked(northwind.id(), logo(new Color(0x1f5fa8), false));
        sponsors.setLogoUnchecked(globex.id(), logo(new Color(0x2e7d4f), true));
        directory.idOf("sam").ifPresent(id -> sponsors.addContactUnchecked(northwind.id(), id));
        directory.idOf("priya").ifPresent(id -> sponsors.addContactUnchecked(globex.id(), id));
        LocalDate day = LocalDate.now().plusDays(14);
        Webinar webinar = events.createUnchecked(new WebinarDraft("Consent records that survive an audit",
                "A one-hour walk through **consent records**: what to keep, for how long, and how members withdraw.\n\n"
                        + "- the exact wording as shown\n- withdrawal as its own record\n- what a sponsor may receive",
                day.atTime(LocalTime.of(15, 0)), day.atTime(LocalTime.of(16, 0)), "Europe/Oslo", 100, null,
                "https://meet.example.org/consent-records", List.of(northwind.id(), globex.id())));
        LocalDate held = LocalDate.now().minusDays(21);
        events.createUnchecked(new WebinarDraft(PAST_WEBINAR,
                "How a small community keeps its promises: consent on the form, a ledger of who received what, and removal"
                        + " that a member can see.",
                held.atTime(LocalTime.of(17, 0)), held.atTime(LocalTime.of(18, 0)), "Europe/Oslo", 80, null,
                "https://meet.example.org/privacy-by-design", List.of(globex.id())));
        register("ada", webinar, Map.of(northwind.id(), EnumSet.of(SharedField.EMAIL, SharedField.NAME)), "Colloquy demo foundation");
        register("evelyn", webinar, Map.of(globex.id(), EnumSet.of(SharedField.ORGANIZATION)), "Colloquy events team");
        register("morgan", webinar, Map.of(), null);
    }

    /** A small logo drawn in code (shapes only: a headless server may have no fonts), uploaded as an event manager would. */
    static byte[] logo(Color colour, boolean round) {
        BufferedImage image = new BufferedImage(240, 120, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(colour);
            if (round) {
                g.fillOval(10, 10, 100, 100);
            } else {
                g.fillRoundRect(10, 10, 100, 100, 24, 24);
            }
            g.fillRect(125, 30, 105, 20);
            g.fillRect(125, 70, 70, 20);
        } finally {
            g.dispose();
        }
        return UploadedImages.png(image);
    }

    private void register(String username, Webinar webinar, Map<Long, EnumSet<SharedField>> shares, String organization) {
        directory.idOf(username).ifPresent(id -> events.register(id, webinar.id(),
                new RegistrationForm(null, organization, Map.copyOf(shares))));
    }
}
