package org.colloquy.forum.export;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.stream.JsonGenerator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.colloquy.privacy.export.ExportJson;
import org.colloquy.privacy.export.PersonalDataSection;

/**
 * Every post the member wrote, in the export (P-ACCOUNT-3): deleted, held and hidden ones too, with
 * the topic's title and the text as written (Markdown). Read by id in pages of {@value #PAGE} as
 * plain values (no managed entities), so a member with ten thousand posts costs twenty queries and
 * the memory of one page.
 */
@ApplicationScoped
public class ForumPostsSection implements PersonalDataSection {

    static final int PAGE = 500;

    private static final String[] FIELDS = {"id", "topicId", "topicTitle", "number", "createdAt", "editedAt", "deleted",
            "deletedAt", "reviewState", "bodyMarkdown"};

    @PersistenceContext
    private EntityManager em;

    @Override
    public String name() {
        return "forum-posts";
    }

    @Override
    public int write(long memberId, JsonGenerator json) {
        int count = 0;
        long after = 0;
        while (true) {
            List<Object[]> page = em.createQuery("SELECT p.id, p.topicId, t.title, p.number, p.createdAt, p.editedAt, p.deleted,"
                    + " p.deletedAt, p.reviewState, p.bodyMarkdown FROM Post p, Topic t"
                    + " WHERE p.authorId = :member AND p.id > :after AND t.id = p.topicId ORDER BY p.id", Object[].class)
                    .setParameter("member", memberId).setParameter("after", after).setMaxResults(PAGE).getResultList();
            for (Object[] row : page) {
                ExportJson.object(json, FIELDS, row);
            }
            count += page.size();
            if (page.size() < PAGE) {
                return count;
            }
            after = (Long) page.get(page.size() - 1)[0];
            json.flush();
        }
    }
}
