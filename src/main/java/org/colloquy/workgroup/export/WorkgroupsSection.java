package org.colloquy.workgroup.export;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.stream.JsonGenerator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.colloquy.privacy.export.ExportJson;
import org.colloquy.privacy.export.PersonalDataSection;

/**
 * The member's workgroup participation, in the export (P-ACCOUNT-3): each period from joining until
 * leaving or being marked inactive (with the reason they were shown), and the joining consent's id.
 */
@ApplicationScoped
public class WorkgroupsSection implements PersonalDataSection {

    private static final String[] FIELDS = {"workgroup", "joinedAt", "endedAt", "endKind", "endReason", "consentId"};

    @PersistenceContext
    private EntityManager em;

    @Override
    public String name() {
        return "workgroups";
    }

    @Override
    public int write(long memberId, JsonGenerator json) {
        List<Object[]> rows = em.createQuery("SELECT g.name, p.joinedAt, p.endedAt, p.endKind, p.endReason, p.consentId"
                + " FROM Participation p, Workgroup g WHERE p.memberId = :member AND g.id = p.workgroupId ORDER BY p.id", Object[].class)
                .setParameter("member", memberId).getResultList();
        return ExportJson.objects(json, FIELDS, rows);
    }
}
