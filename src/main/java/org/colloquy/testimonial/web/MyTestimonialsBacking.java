package org.colloquy.testimonial.web;

import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.security.Caller;
import org.colloquy.testimonial.NoSuchTestimonialException;
import org.colloquy.testimonial.Testimonial;
import org.colloquy.testimonial.TestimonialService;
import org.omnifaces.util.Faces;

/**
 * {@code /account/testimonials}: the member's testimonials with their status (and the reason when
 * declined or a change is asked for), the credit each shows, edit, and withdraw.
 */
@Named
@RequestScoped
public class MyTestimonialsBacking {

    @Inject
    private TestimonialService testimonials;

    @Inject
    private Caller caller;

    @Inject
    private HttpServletRequest request;

    private List<Testimonial> mine;
    private String notice;

    @PostConstruct
    void load() {
        mine = testimonials.mine();
        String saved = request.getParameter("saved");
        if ("review".equals(saved)) {
            notice = Texts.get("testimonial.form.saved");
        } else if ("credit".equals(saved)) {
            notice = Texts.get("testimonial.form.savedCredit");
        } else if ("withdrawn".equals(saved)) {
            notice = Texts.get("testimonial.mine.withdrawn");
        }
    }

    /** Withdraws the testimonial named by the form's {@code testimonial} field, if it is the caller's. */
    public String withdraw() {
        try {
            testimonials.withdraw(Long.parseLong(String.valueOf(request.getParameter("testimonial"))));
        } catch (NumberFormatException | NoSuchTestimonialException e) {
            Faces.responseSendError(404, "No such testimonial of yours");
            Faces.responseComplete();
            return null;
        }
        Faces.redirect(Faces.getRequestContextPath() + "/account/testimonials?saved=withdrawn");
        return null;
    }

    /** What the last action did ("Saved. Your testimonial is awaiting review."), or null. */
    public String getNotice() {
        return notice;
    }

    public List<Testimonial> getMine() {
        return mine;
    }

    public boolean isModerator() {
        return caller.isInRole("ADMIN") || caller.isInRole("MODERATOR");
    }
}
