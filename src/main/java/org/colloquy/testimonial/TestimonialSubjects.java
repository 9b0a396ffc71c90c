package org.colloquy.testimonial;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.colloquy.event.EventService;
import org.colloquy.event.Webinar;

/**
 * What a testimonial may be about besides the community in general: a webinar that took place (it
 * has begun and was not cancelled). Asks the event context through its service, so the testimonial
 * context keeps only the webinar's id and its title as written.
 */
@ApplicationScoped
public class TestimonialSubjects {

    /** A webinar a testimonial may be about, as the form lists it. */
    public record WebinarChoice(long id, String title) {
    }

    @Inject
    private EventService events;

    /** Those that took place, newest first, plus {@code current} (the one a testimonial is already about), if it took place. */
    public List<WebinarChoice> webinars(Long current) {
        List<WebinarChoice> choices = new ArrayList<>(events.past().stream().filter(TestimonialSubjects::tookPlace)
                .map(TestimonialSubjects::choice).toList());
        if (current != null && choices.stream().noneMatch(c -> c.id() == current)) {
            find(current).ifPresent(c -> choices.add(0, c));
        }
        return choices;
    }

    /** The webinar, if a testimonial may be about it. */
    public Optional<WebinarChoice> find(long webinarId) {
        return events.find(webinarId).filter(TestimonialSubjects::tookPlace).map(TestimonialSubjects::choice);
    }

    private static boolean tookPlace(Webinar webinar) {
        return !webinar.isCancelled() && webinar.startsAt().isBefore(OffsetDateTime.now(ZoneOffset.UTC));
    }

    private static WebinarChoice choice(Webinar webinar) {
        return new WebinarChoice(webinar.id(), webinar.title());
    }
}
