package org.colloquy.testimonial.web;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.colloquy.testimonial.PublicTestimonial;
import org.colloquy.testimonial.TestimonialPage;
import org.colloquy.testimonial.TestimonialService;

/**
 * The public testimonials page, {@code /testimonials?page=N}, and the home page's highlight: read
 * anew on every request (no cache: decision 0024), transient views, no session for anonymous readers.
 */
@Named
@RequestScoped
public class TestimonialsBacking {

    @Inject
    private TestimonialService testimonials;

    @Inject
    private HttpServletRequest request;

    private TestimonialPage page;
    private List<PublicTestimonial> highlights;

    /** The page named by {@code ?page=N} (from 1; anything else is the first), read when the page asks for it. */
    public TestimonialPage getPage() {
        if (page != null) {
            return page;
        }
        int number = 1;
        String asked = request.getParameter("page");
        if (asked != null && asked.matches("[1-9][0-9]{0,5}")) {
            number = Integer.parseInt(asked);
        }
        page = testimonials.published(number - 1);
        return page;
    }

    /** The featured testimonials for the home page, read when the home page asks for them. */
    public List<PublicTestimonial> getHighlights() {
        if (highlights == null) {
            highlights = testimonials.highlights();
        }
        return highlights;
    }
}
