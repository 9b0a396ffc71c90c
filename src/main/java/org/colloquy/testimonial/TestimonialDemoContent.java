package org.colloquy.testimonial;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.colloquy.account.MemberDirectory;
import org.colloquy.event.EventDemoContent;
import org.colloquy.event.EventService;
import org.colloquy.platform.demo.DemoContent;

/**
 * Demo testimonials, one of each credit: sam's with the full name (consented, published, featured),
 * priya's with initials and organization (consented, published), evelyn's anonymous one about the past demo webinar (published,
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

    @Inject
    private EventService events;

    @Override
    public String name() {
        return "testimonials";
    }

    @Override
    public int order() {
        return 45;
    }

    /** One demo testimonial: whose, what, the title of the webinar it is about (or null), and how far through moderation. */
    record Sample(String username, TestimonialDraft draft, String webinar, boolean publish, boolean feature) {
    }

    static final List<Sample> SAMPLES = List.of(
            new Sample("sam", new TestimonialDraft("The forums answered a question I had been stuck on for a week, and nobody asked"
                    + " for my email to read them.", 5, null, Credit.FULL_NAME, null), null, true, true),
            new Sample("priya", new TestimonialDraft("I can see who received my data and why, in one place. That is rarer than it"
                    + " should be.", 5, null, Credit.INITIALS, "Colloquy demo foundation"), null, true, false),
            new Sample("evelyn", new TestimonialDraft("Friendly people and a well-run webinar: I left with a checklist I use every week.", 4, null,
                    Credit.ANONYMOUS, null), EventDemoContent.PAST_WEBINAR, true, true),
            new Sample("morgan", new TestimonialDraft("Moderating here is calm: the rules are short and clear.", null, null,
                    Credit.ANONYMOUS, null), null, false, false));

    @Override
    public void seed() {
        SAMPLES.forEach(this::seed);
    }

    private void seed(Sample sample) {
        directory.idOf(sample.username()).ifPresent(id -> {
            TestimonialDraft draft = sample.draft();
            if (sample.webinar() != null) {
                Long webinarId = events.past().stream().filter(w -> w.title().equals(sample.webinar())).map(w -> w.id())
                        .findFirst().orElse(null);
                draft = new TestimonialDraft(draft.body(), draft.rating(), webinarId, draft.credit(), draft.organization());
            }
            Testimonial testimonial = writer.write(id, draft, VIA);
            if (sample.publish()) {
                writer.publish(testimonial.id());
            }
            if (sample.feature()) {
                writer.feature(testimonial.id(), true);
            }
        });
    }
}
