package org.colloquy.testimonial;

/**
 * A testimonial as the form sends it. {@code organization} is used only with {@link Credit#INITIALS};
 * {@code about} is free text for now (an event, or empty for the community in general).
 *
 * @param rating 1 to 5, or null for none
 */
public record TestimonialDraft(String body, Integer rating, String about, Credit credit, String organization) {
}
