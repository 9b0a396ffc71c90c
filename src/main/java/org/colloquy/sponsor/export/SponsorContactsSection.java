package org.colloquy.sponsor.export;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.stream.JsonGenerator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.colloquy.privacy.export.ExportJson;
import org.colloquy.privacy.export.PersonalDataSection;

/** The sponsors the member is a contact of, in the export (P-ACCOUNT-3). */
@ApplicationScoped
public class SponsorContactsSection implements PersonalDataSection {

    private static final String[] FIELDS = {"sponsor", "addedAt"};

    @PersistenceContext
    private EntityManager em;

    @Override
    public String name() {
        return "sponsor-contacts";
    }

    @Override
    public int write(long memberId, JsonGenerator json) {
        List<Object[]> rows = em.createQuery("SELECT s.name, c.addedAt FROM SponsorContact c, Sponsor s"
                + " WHERE c.memberId = :member AND s.id = c.sponsorId ORDER BY c.id", Object[].class)
                .setParameter("member", memberId).getResultList();
        return ExportJson.objects(json, FIELDS, rows);
    }
}
