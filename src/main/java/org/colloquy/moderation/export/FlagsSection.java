package org.colloquy.moderation.export;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.stream.JsonGenerator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.colloquy.privacy.export.ExportJson;
import org.colloquy.privacy.export.PersonalDataSection;

/** The flags the member raised, in the export (P-ACCOUNT-3): which post, why, their words and the outcome. */
@ApplicationScoped
public class FlagsSection implements PersonalDataSection {

    private static final String[] FIELDS = {"postId", "reason", "explanation", "createdAt", "outcome", "decidedAt"};

    @PersistenceContext
    private EntityManager em;

    @Override
    public String name() {
        return "flags";
    }

    @Override
    public int write(long memberId, JsonGenerator json) {
        List<Object[]> rows = em.createQuery("SELECT f.postId, f.reason, f.explanation, f.createdAt, f.outcome, f.decidedAt"
                + " FROM Flag f WHERE f.flaggerId = :member ORDER BY f.id", Object[].class)
                .setParameter("member", memberId).getResultList();
        return ExportJson.objects(json, FIELDS, rows);
    }
}
