package org.colloquy.forum.export;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.stream.JsonGenerator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.colloquy.privacy.export.ExportJson;
import org.colloquy.privacy.export.PersonalDataSection;

/**
 * Where the member stopped reading each topic, in the export (P-ACCOUNT-3): the topic, the number of
 * the last post read and when; what the "new" markers come from. {@code forum_read_state} has no
 * entity (it is written by one MERGE), so it is read natively, by topic id in pages.
 */
@ApplicationScoped
public class ForumReadMarkersSection implements PersonalDataSection {

    private static final String[] FIELDS = {"topicId", "lastReadNumber", "readAt"};

    @PersistenceContext
    private EntityManager em;

    @Override
    public String name() {
        return "forum-read-markers";
    }

    @Override
    public int write(long memberId, JsonGenerator json) {
        int count = 0;
        long after = 0;
        while (true) {
            @SuppressWarnings("unchecked")
            List<Object[]> page = em.createNativeQuery("SELECT topic_id, last_read, read_at FROM forum_read_state"
                    + " WHERE member_id = ?1 AND topic_id > ?2 ORDER BY topic_id LIMIT " + ForumPostsSection.PAGE)
                    .setParameter(1, memberId).setParameter(2, after).getResultList();
            for (Object[] row : page) {
                ExportJson.object(json, FIELDS, row);
            }
            count += page.size();
            if (page.size() < ForumPostsSection.PAGE) {
                return count;
            }
            after = ((Number) page.get(page.size() - 1)[0]).longValue();
        }
    }
}
