package org.colloquy.testimonial.export;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.stream.JsonGenerator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.colloquy.privacy.export.ExportJson;
import org.colloquy.privacy.export.PersonalDataSection;

/**
 * The member's testimonials, in the export (P-ACCOUNT-3): text, rating, credit and its consent,
 * review status and the staff note as shown to them on {@code /account/testimonials}.
 */
@ApplicationScoped
public class TestimonialsSection implements PersonalDataSection {

    private static final String[] FIELDS = {"id", "body", "rating", "webinarId", "about", "status", "credit", "creditText", "consentId",
            "staffNote", "featured", "createdAt", "updatedAt", "publishedAt"};

    @PersistenceContext
    private EntityManager em;

    @Override
    public String name() {
        return "testimonials";
    }

    @Override
    public int write(long memberId, JsonGenerator json) {
        List<Object[]> rows = em.createQuery("SELECT t.id, t.body, t.rating, t.webinarId, t.about, t.status, t.credit, t.creditText, t.consentId,"
                + " t.staffNote, t.featured, t.createdAt, t.updatedAt, t.publishedAt FROM Testimonial t WHERE t.authorId = :member"
                + " ORDER BY t.id", Object[].class).setParameter("member", memberId).getResultList();
        return ExportJson.objects(json, FIELDS, rows);
    }
}
