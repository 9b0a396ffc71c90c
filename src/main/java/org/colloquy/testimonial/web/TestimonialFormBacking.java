package org.colloquy.testimonial.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.platform.web.FormErrors;
import org.colloquy.profile.ProfileField;
import org.colloquy.profile.ProfileService;
import org.colloquy.testimonial.Credit;
import org.colloquy.testimonial.CreditWording;
import org.colloquy.testimonial.NoSuchTestimonialException;
import org.colloquy.testimonial.Testimonial;
import org.colloquy.testimonial.TestimonialDraft;
import org.colloquy.testimonial.TestimonialService;
import org.colloquy.testimonial.TestimonialSubjects;
import org.colloquy.testimonial.TestimonialStatus;
import org.omnifaces.util.Faces;

/**
 * {@code /account/testimonial} (new) and {@code /account/testimonial?id=N} (edit): the words, an
 * optional rating and subject, and the credit. Each named choice is labelled with the exact consent
 * wording, name included, that saving records (P-TESTI-1, P-CONSENT-1); anonymous is pre-selected.
 * If the organization typed differs from the one the wording showed, nothing is saved and the form
 * comes back with the new wording to agree to.
 */
@Named
@RequestScoped
public class TestimonialFormBacking {

    /** One credit choice as the form offers it. */
    public record Choice(Credit credit, String label, boolean available) {
    }

    @Inject
    private TestimonialService testimonials;

    @Inject
    private ProfileService profiles;

    @Inject
    private HttpServletRequest request;

    private Long id;
    private String body;
    private Integer rating;
    private Long webinarId;
    private List<TestimonialSubjects.WebinarChoice> webinars;
    private Credit credit = Credit.ANONYMOUS;
    private String organization;
    private List<Choice> choices;

    @PostConstruct
    void load() {
        String asked = request.getParameter("id");
        if (asked == null || asked.isBlank()) {
            organization = profiles.mine().value(ProfileField.ORGANIZATION);
            return;
        }
        try {
            Testimonial testimonial = testimonials.mine(Long.parseLong(asked));
            id = testimonial.id();
            body = testimonial.body();
            rating = testimonial.rating();
            webinarId = testimonial.webinarId();
            credit = testimonial.credit();
            organization = organizationOf(testimonial);
        } catch (NumberFormatException | NoSuchTestimonialException e) {
            Faces.responseSendError(404, "No such testimonial of yours");
            Faces.responseComplete();
        }
    }

    private String organizationOf(Testimonial testimonial) {
        if (testimonial.credit() == Credit.INITIALS && testimonial.creditText().contains(", ")) {
            return testimonial.creditText().substring(testimonial.creditText().indexOf(", ") + 2);
        }
        return profiles.mine().value(ProfileField.ORGANIZATION);
    }

    public String save() {
        if (credit == Credit.INITIALS && !Objects.equals(strip(organization), strip(request.getParameter("shownOrganization")))) {
            // Not a refusal of the field, which keeps its value: only a request to read the new wording.
            FacesContext.getCurrentInstance().addMessage("testimonial:organization",
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, Texts.get("testimonial.organization.reworded"), null));
            return null;
        }
        TestimonialDraft draft = new TestimonialDraft(body, rating, webinarId, credit, organization);
        try {
            String saved = "review";
            if (id == null) {
                testimonials.write(draft);
            } else if (testimonials.edit(id, draft).status() != TestimonialStatus.AWAITING_REVIEW) {
                saved = "credit";
            }
            Faces.redirect(Faces.getRequestContextPath() + "/account/testimonials?saved=" + saved);
            return null;
        } catch (InvalidInputException e) {
            FormErrors.show("testimonial", e.problems());
            return null;
        }
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    /** The credit choices with the exact wording each would record, built from what the form holds now. */
    public List<Choice> getChoices() {
        if (choices == null) {
            choices = new ArrayList<>();
            for (Credit c : Credit.values()) {
                if (c == Credit.ANONYMOUS) {
                    choices.add(new Choice(c, Texts.get("testimonial.form.credit.ANONYMOUS"), true));
                    continue;
                }
                String text = testimonials.creditText(c, organization);
                choices.add(text == null
                        ? new Choice(c, Texts.get("testimonial.form.credit." + c.name() + ".pending"), false)
                        : new Choice(c, CreditWording.notice(c, text), true));
            }
        }
        return choices;
    }

    public List<Integer> getRatings() {
        return List.of(5, 4, 3, 2, 1);
    }

    public boolean isEditing() {
        return id != null;
    }

    public Long getId() {
        return id;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public Integer getRating() {
        return rating;
    }

    public void setRating(Integer rating) {
        this.rating = rating;
    }

    public Long getWebinarId() {
        return webinarId;
    }

    public void setWebinarId(Long webinarId) {
        this.webinarId = webinarId;
    }

    /** The webinars the testimonial may be about (those that took place), for the "About" list. */
    public List<TestimonialSubjects.WebinarChoice> getWebinars() {
        if (webinars == null) {
            webinars = testimonials.webinarChoices(webinarId);
        }
        return webinars;
    }

    public Credit getCredit() {
        return credit;
    }

    public void setCredit(Credit credit) {
        this.credit = credit;
    }

    public String getOrganization() {
        return organization;
    }

    public void setOrganization(String organization) {
        this.organization = organization;
        choices = null;
    }
}
