package org.colloquy.forum.export;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.stream.JsonGenerator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.colloquy.privacy.export.ExportJson;
import org.colloquy.privacy.export.PersonalDataSection;

/** The topics and forums the member watches, in the export (P-ACCOUNT-3). */
@ApplicationScoped
public class ForumWatchesSection implements PersonalDataSection {

    private static final String[] FIELDS = {"topicId", "forumId", "since", "lastNotifiedAt"};

    @PersistenceContext
    private EntityManager em;

    @Override
    public String name() {
        return "forum-watches";
    }

    @Override
    public int write(long memberId, JsonGenerator json) {
        List<Object[]> rows = em.createQuery("SELECT w.topicId, w.categoryId, w.since, w.lastNotifiedAt FROM ForumWatch w"
                + " WHERE w.memberId = :member ORDER BY w.id", Object[].class).setParameter("member", memberId).getResultList();
        return ExportJson.objects(json, FIELDS, rows);
    }
}
