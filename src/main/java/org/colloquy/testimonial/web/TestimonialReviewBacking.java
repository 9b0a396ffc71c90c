package org.colloquy.testimonial.web;

import java.util.List;
import java.util.function.LongConsumer;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.security.Caller;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.platform.web.FormErrors;
import org.colloquy.testimonial.NoSuchTestimonialException;
import org.colloquy.testimonial.Testimonial;
import org.colloquy.testimonial.TestimonialModeration;
import org.omnifaces.util.Faces;

/**
 * {@code /account/testimonial-review}, for testimonial moderators (administrators and moderators,
 * decision 0025; others get 403 here and from the service): the queue with publish, decline with a
 * reason and ask for a change, and the published ones with feature on the home page. One form per
 * testimonial, {@code review-<id>} or {@code feature-<id>}; the credit is shown, never editable.
 */
@Named
@RequestScoped
public class TestimonialReviewBacking {

    @Inject
    private TestimonialModeration moderation;

    @Inject
    private Caller caller;

    @Inject
    private HttpServletRequest request;

    private List<Testimonial> queue = List.of();
    private List<Testimonial> published = List.of();
    private String note;
    private String notice;

    @PostConstruct
    void load() {
        if (!caller.isInRole("ADMIN") && !caller.isInRole("MODERATOR")) {
            Faces.responseSendError(403, "Testimonial moderators only");
            Faces.responseComplete();
            return;
        }
        if (request.getParameter("done") != null) {
            notice = Texts.get("testimonial.review.done");
        }
        queue = moderation.awaitingReview();
        published = moderation.published();
    }

    public String publish() {
        return act(moderation::publish);
    }

    public String decline() {
        return act(id -> moderation.decline(id, note));
    }

    public String askForChange() {
        return act(id -> moderation.askForChange(id, note));
    }

    public String feature() {
        return act(id -> moderation.feature(id, true));
    }

    public String unfeature() {
        return act(id -> moderation.feature(id, false));
    }

    private String act(LongConsumer action) {
        long id;
        try {
            id = Long.parseLong(String.valueOf(request.getParameter("testimonial")));
            action.accept(id);
        } catch (NumberFormatException | NoSuchTestimonialException e) {
            Faces.responseSendError(404, "No such testimonial");
            Faces.responseComplete();
            return null;
        } catch (InvalidInputException e) {
            String form = String.valueOf(request.getParameter("form"));
            FormErrors.show(form.matches("(review|feature)-[0-9]+") ? form : "notices", e.problems());
            return null;
        }
        Faces.redirect(Faces.getRequestContextPath() + "/account/testimonial-review?done=" + id);
        return null;
    }

    public String getNotice() {
        return notice;
    }

    public List<Testimonial> getQueue() {
        return queue;
    }

    public List<Testimonial> getPublished() {
        return published;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
