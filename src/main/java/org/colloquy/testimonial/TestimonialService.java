package org.colloquy.testimonial;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.colloquy.platform.security.Caller;

/**
 * Testimonials for the signed-in member (write, edit, change the credit, withdraw, list their own
 * with status) and for every visitor (the published ones, the featured ones). The author is always
 * the caller, never a request parameter, so no member can touch another's testimonial.
 */
@Stateless
@PermitAll
public class TestimonialService {

    /** Testimonials on a page of {@code /testimonials}. */
    public static final int PAGE_SIZE = 10;

    /** How many testimonials the Atom feed carries. */
    public static final int FEED_ENTRIES = 20;

    /** Featured testimonials on the home page. */
    public static final int HIGHLIGHTS = 3;

    static final String VIA = "Testimonial form";

    @Inject
    private TestimonialWriter writer;

    @Inject
    private Caller caller;

    @Inject
    private TestimonialSubjects subjects;

    public Testimonial write(TestimonialDraft draft) {
        return writer.write(caller.requireMemberId(), draft, VIA);
    }

    public Testimonial edit(long id, TestimonialDraft draft) {
        return writer.edit(caller.requireMemberId(), id, draft, VIA);
    }

    public void withdraw(long id) {
        writer.withdraw(caller.requireMemberId(), id, "My testimonials");
    }

    public List<Testimonial> mine() {
        return writer.of(caller.requireMemberId());
    }

    /** @throws NoSuchTestimonialException when it is not the caller's */
    public Testimonial mine(long id) {
        return writer.read(caller.requireMemberId(), id);
    }

    /** The credit the caller's choice would show ("Ada Lovelace"), or null when it cannot be made yet. */
    /** The newest published testimonials for the Atom feed, credits as consented now. */
    public List<PublicTestimonial> forFeed() {
        return writer.published(0, FEED_ENTRIES).items();
    }

    /** The webinars a testimonial may be about (those that took place), plus the one it is already about. */
    public List<TestimonialSubjects.WebinarChoice> webinarChoices(Long current) {
        return subjects.webinars(current);
    }

    public String creditText(Credit credit, String organization) {
        return writer.creditText(caller.requireMemberId(), credit, organization);
    }

    /** A page of published testimonials, newest first; {@code page} from 0. */
    public TestimonialPage published(int page) {
        return writer.published(page, PAGE_SIZE);
    }

    /** The newest featured testimonials, for the home page. */
    public List<PublicTestimonial> highlights() {
        return writer.featured(HIGHLIGHTS);
    }
}
