package org.colloquy.event.export;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.stream.JsonGenerator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.colloquy.privacy.export.ExportJson;
import org.colloquy.privacy.export.PersonalDataSection;

/**
 * The member's webinar registrations, in the export (P-ACCOUNT-3): the webinar, what they gave when
 * registering, cancellation and attendance. What they chose to share with each sponsor is a
 * {@code SPONSOR_SHARING} consent (subject {@code sponsor:S/event:E}) under {@code consents}.
 */
@ApplicationScoped
public class EventRegistrationsSection implements PersonalDataSection {

    private static final String[] FIELDS = {"webinarId", "webinarTitle", "startsAt", "jobTitle", "organization", "registeredAt",
            "cancelledAt", "attended"};

    @PersistenceContext
    private EntityManager em;

    @Override
    public String name() {
        return "event-registrations";
    }

    @Override
    public int write(long memberId, JsonGenerator json) {
        List<Object[]> rows = em.createQuery("SELECT w.id, w.title, w.startsAt, r.jobTitle, r.organization, r.registeredAt,"
                + " r.cancelledAt, r.attended FROM WebinarRegistration r, Webinar w WHERE r.memberId = :member AND w.id = r.webinarId"
                + " ORDER BY r.id", Object[].class).setParameter("member", memberId).getResultList();
        return ExportJson.objects(json, FIELDS, rows);
    }
}
