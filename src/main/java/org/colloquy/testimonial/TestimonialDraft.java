package org.colloquy.testimonial;

/**
 * A testimonial as the form sends it. {@code organization} is used only with {@link Credit#INITIALS};
 * {@code webinarId} is the webinar it is about, one that has taken place, or null for the community in general.
 *
 * @param rating 1 to 5, or null for none
 */
public record TestimonialDraft(String body, Integer rating, Long webinarId, Credit credit, String organization) {
}
