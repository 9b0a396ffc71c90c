package org.colloquy.testimonial;

import java.util.List;

/** One page of published testimonials, newest first; {@code page} counts from 0. */
public record TestimonialPage(List<PublicTestimonial> items, int page, int size, long total) {

    public TestimonialPage {
        items = List.copyOf(items);
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }
}
