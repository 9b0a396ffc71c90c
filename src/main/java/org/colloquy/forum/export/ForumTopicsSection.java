package org.colloquy.forum.export;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.stream.JsonGenerator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.colloquy.privacy.export.ExportJson;
import org.colloquy.privacy.export.PersonalDataSection;

/** The topics the member started, in the export (P-ACCOUNT-3), with their forum, title and state. */
@ApplicationScoped
public class ForumTopicsSection implements PersonalDataSection {

    private static final String[] FIELDS = {"id", "forum", "title", "createdAt", "postCount", "locked", "pinned"};

    @PersistenceContext
    private EntityManager em;

    @Override
    public String name() {
        return "forum-topics";
    }

    @Override
    public int write(long memberId, JsonGenerator json) {
        List<Object[]> rows = em.createQuery("SELECT t.id, c.name, t.title, t.createdAt, t.postCount, t.locked, t.pinned"
                + " FROM Topic t, ForumCategory c WHERE t.authorId = :member AND c.id = t.categoryId ORDER BY t.id", Object[].class)
                .setParameter("member", memberId).getResultList();
        return ExportJson.objects(json, FIELDS, rows);
    }
}
