package org.colloquy.testimonial;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.colloquy.account.MemberDirectory;
import org.colloquy.platform.demo.DemoContent;

/**
 * Demo testimonials, one of each credit: sam's with the full name (consented, published, featured),
 * priya's with initials and organization (consented, published), evelyn's anonymous (published,
 * featured), and morgan's anonymous one still awaiting review. Members the accounts did not seed
 * are left out.
 */
@ApplicationScoped
public class TestimonialDemoContent implements DemoContent {

    static final String VIA = "Demo content";

    @Inject
    private TestimonialWriter writer;

    @Inject
    private MemberDirectory directory;

    @Override
    public String name() {
        return "testimonials";
    }

    @Override
    public int order() {
        return 40;
    }

    /** One demo testimonial: whose, what, and how far through moderation. */
    record Sample(String username, TestimonialDraft draft, boolean publish, boolean feature) {
    }

    static final List<Sample> SAMPLES = List.of(
            new Sample("sam", new TestimonialDraft("The forums answered a question I had been stuck on for a week, and nobody asked"
                    + " for my email to read them.", 5, null, Credit.FULL_NAME, null), true, true),
            new Sample("priya", new TestimonialDraft("I can see who received my data and why, in one place. That is rarer than it"
                    + " should be.", 5, "The privacy centre", Credit.INITIALS, "Colloquy demo foundation"), true, false),
            new Sample("evelyn", new TestimonialDraft("Friendly people and well-run webinars.", 4, "Autumn webinar",
                    Credit.ANONYMOUS, null), true, true),
            new Sample("morgan", new TestimonialDraft("Moderating here is calm: the rules are short and clear.", null, null,
                    Credit.ANONYMOUS, null), false, false));

    @Override
    public void seed() {
        SAMPLES.forEach(this::seed);
    }

    private void seed(Sample sample) {
        directory.idOf(sample.username()).ifPresent(id -> {
            Testimonial testimonial = writer.write(id, sample.draft(), VIA);
            if (sample.publish()) {
                writer.publish(testimonial.id());
            }
            if (sample.feature()) {
                writer.feature(testimonial.id(), true);
            }
        });
    }
}
