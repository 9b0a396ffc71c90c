package org.colloquy.notice.export;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.stream.JsonGenerator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.colloquy.privacy.export.ExportJson;
import org.colloquy.privacy.export.PersonalDataSection;

/**
 * The member's in-portal notices, in the export (P-ACCOUNT-3): what they were told, when, about
 * which address, and when they read it.
 */
@ApplicationScoped
public class NoticesSection implements PersonalDataSection {

    private static final String[] FIELDS = {"kind", "title", "body", "path", "appealPath", "createdAt", "readAt"};

    @PersistenceContext
    private EntityManager em;

    @Override
    public String name() {
        return "notices";
    }

    @Override
    public int write(long memberId, JsonGenerator json) {
        List<Object[]> rows = em.createQuery("SELECT n.kind, n.title, n.body, n.path, n.appealPath, n.createdAt, n.readAt"
                + " FROM Notice n WHERE n.memberId = :member ORDER BY n.id", Object[].class)
                .setParameter("member", memberId).getResultList();
        return ExportJson.objects(json, FIELDS, rows);
    }
}
