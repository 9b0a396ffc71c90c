package org.colloquy.workgroup.export;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.stream.JsonGenerator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.colloquy.privacy.export.ExportJson;
import org.colloquy.privacy.export.PersonalDataSection;

/**
 * Release notices the member received, in the export (P-ACCOUNT-3): which document, the name, email
 * and organization that would be published, and their answer (confirmed, corrected, objected).
 */
@ApplicationScoped
public class ReleaseNoticesSection implements PersonalDataSection {

    private static final String[] FIELDS = {"releaseId", "document", "name", "email", "organization", "response", "objection",
            "notifiedAt", "respondedAt"};

    @PersistenceContext
    private EntityManager em;

    @Override
    public String name() {
        return "workgroup-release-notices";
    }

    @Override
    public int write(long memberId, JsonGenerator json) {
        List<Object[]> rows = em.createQuery("SELECT n.releaseId, d.title, n.name, n.email, n.organization, n.response, n.objection,"
                + " n.notifiedAt, n.respondedAt FROM ReleaseNotice n, Release r, Document d WHERE n.memberId = :member"
                + " AND r.id = n.releaseId AND d.id = r.documentId ORDER BY n.releaseId", Object[].class)
                .setParameter("member", memberId).getResultList();
        return ExportJson.objects(json, FIELDS, rows);
    }
}
