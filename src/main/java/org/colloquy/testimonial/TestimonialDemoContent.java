package org.colloquy.testimonial;

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

    @Override
    public void seed() {
        seed("sam", new TestimonialDraft("The forums answered a question I had been stuck on for a week, and nobody asked for my email to read them.",
                5, null, Credit.FULL_NAME, null), true, true);
        seed("priya", new TestimonialDraft("I can see who received my data and why, in one place. That is rarer than it should be.",
                5, "The privacy centre", Credit.INITIALS, "Colloquy demo foundation"), true, false);
        seed("evelyn", new TestimonialDraft("Friendly people and well-run webinars.", 4, "Autumn webinar", Credit.ANONYMOUS, null),
                true, true);
        seed("morgan", new TestimonialDraft("Moderating here is calm: the rules are short and clear.", null, null, Credit.ANONYMOUS, null),
                false, false);
    }

    private void seed(String username, TestimonialDraft draft, boolean publish, boolean feature) {
        directory.idOf(username).ifPresent(id -> {
            Testimonial testimonial = writer.write(id, draft, VIA);
            if (publish) {
                writer.publish(testimonial.id());
            }
            if (feature) {
                writer.feature(testimonial.id(), true);
            }
        });
    }
}
