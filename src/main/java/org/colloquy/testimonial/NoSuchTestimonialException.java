package org.colloquy.testimonial;

import jakarta.ejb.ApplicationException;

/** No testimonial with this id, or not one the caller may act on: the page answers 404. */
@ApplicationException(rollback = true)
public class NoSuchTestimonialException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NoSuchTestimonialException(long id) {
        super("No testimonial " + id + " of yours");
    }
}
