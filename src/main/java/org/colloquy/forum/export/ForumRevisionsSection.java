package org.colloquy.forum.export;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.stream.JsonGenerator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.colloquy.privacy.export.ExportJson;
import org.colloquy.privacy.export.PersonalDataSection;

/**
 * The edit history of the member's posts, in the export (P-ACCOUNT-3): each earlier text (Markdown),
 * when it was written and replaced, and whether by an edit or a deletion; {@code postId} points into
 * {@code forum-posts}. Read in pages like the posts.
 */
@ApplicationScoped
public class ForumRevisionsSection implements PersonalDataSection {

    private static final String[] FIELDS = {"id", "postId", "writtenAt", "replacedAt", "reason", "bodyMarkdown"};

    @PersistenceContext
    private EntityManager em;

    @Override
    public String name() {
        return "forum-revisions";
    }

    @Override
    public int write(long memberId, JsonGenerator json) {
        int count = 0;
        long after = 0;
        while (true) {
            List<Object[]> page = em.createQuery("SELECT r.id, r.postId, r.writtenAt, r.replacedAt, r.reason, r.bodyMarkdown"
                    + " FROM PostRevision r, Post p WHERE p.id = r.postId AND p.authorId = :member AND r.id > :after ORDER BY r.id",
                    Object[].class).setParameter("member", memberId).setParameter("after", after)
                    .setMaxResults(ForumPostsSection.PAGE).getResultList();
            for (Object[] row : page) {
                ExportJson.object(json, FIELDS, row);
            }
            count += page.size();
            if (page.size() < ForumPostsSection.PAGE) {
                return count;
            }
            after = (Long) page.get(page.size() - 1)[0];
            json.flush();
        }
    }
}
