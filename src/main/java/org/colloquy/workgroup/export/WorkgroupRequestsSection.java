package org.colloquy.workgroup.export;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.stream.JsonGenerator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.colloquy.privacy.export.ExportJson;
import org.colloquy.privacy.export.PersonalDataSection;

/**
 * The member's applications to workgroups and invitations to them, in the export (P-ACCOUNT-3):
 * which group, application or invitation, its status and dates, and the joining consent once accepted.
 */
@ApplicationScoped
public class WorkgroupRequestsSection implements PersonalDataSection {

    private static final String[] FIELDS = {"workgroup", "kind", "status", "createdAt", "decidedAt", "consentId"};

    @PersistenceContext
    private EntityManager em;

    @Override
    public String name() {
        return "workgroup-requests";
    }

    @Override
    public int write(long memberId, JsonGenerator json) {
        List<Object[]> rows = em.createQuery("SELECT g.name, r.kind, r.status, r.createdAt, r.decidedAt, r.consentId"
                + " FROM JoinRequest r, Workgroup g WHERE r.memberId = :member AND g.id = r.workgroupId ORDER BY r.id", Object[].class)
                .setParameter("member", memberId).getResultList();
        return ExportJson.objects(json, FIELDS, rows);
    }
}
