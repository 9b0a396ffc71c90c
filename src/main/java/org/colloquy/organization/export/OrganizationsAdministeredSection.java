package org.colloquy.organization.export;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.stream.JsonGenerator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.colloquy.privacy.export.ExportJson;
import org.colloquy.privacy.export.PersonalDataSection;

/** The organizations the member administers, in the export (P-ACCOUNT-3): name and since when. */
@ApplicationScoped
public class OrganizationsAdministeredSection implements PersonalDataSection {

    private static final String[] FIELDS = {"organization", "createdAt"};

    @PersistenceContext
    private EntityManager em;

    @Override
    public String name() {
        return "organizations-administered";
    }

    @Override
    public int write(long memberId, JsonGenerator json) {
        List<Object[]> rows = em.createQuery("SELECT o.name, o.createdAt FROM Organization o WHERE o.adminMemberId = :member"
                + " ORDER BY o.id", Object[].class).setParameter("member", memberId).getResultList();
        return ExportJson.objects(json, FIELDS, rows);
    }
}
