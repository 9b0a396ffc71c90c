package org.colloquy.moderation.export;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.stream.JsonGenerator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.colloquy.privacy.export.ExportJson;
import org.colloquy.privacy.export.PersonalDataSection;
import org.colloquy.privacy.export.Withheld;

/**
 * Moderation of the member's posts, in the export (P-ACCOUNT-3): each review item about a post of
 * theirs (flagged, held, their appeal) with its kind, the rule, how many flags, the decision and when,
 * and the words of their own appeal. The moderator's reasons as mailed to them are in
 * {@code staff-log}; moderators' internal notes, who flagged and who decided are withheld.
 */
@ApplicationScoped
public class ModerationSection implements PersonalDataSection {

    private static final String[] FIELDS = {"id", "kind", "postId", "reason", "flagCount", "createdAt", "decision", "decidedAt",
            "appealOf", "appealStatement"};

    @PersistenceContext
    private EntityManager em;

    @Override
    public String name() {
        return "moderation";
    }

    @Override
    public int write(long memberId, JsonGenerator json) {
        List<Object[]> rows = em.createQuery("SELECT i.id, i.kind, i.postId, i.reason, i.flagCount, i.createdAt, i.decision,"
                + " i.decidedAt, i.appealOf, i.statement FROM ReviewItem i WHERE i.authorId = :member ORDER BY i.id", Object[].class)
                .setParameter("member", memberId).getResultList();
        return ExportJson.objects(json, FIELDS, rows);
    }

    @Override
    public List<Withheld> withheld() {
        return List.of(
                new Withheld("Moderators' internal notes on reviews of your posts",
                        "Internal staff notes, withheld to protect the review process."),
                new Withheld("Who flagged your posts, and their explanations",
                        "Other members' identities and words; you see how many flags and the rule they named."),
                new Withheld("Which moderator claimed or decided each review",
                        "Other people's identities: moderators act for the site."));
    }
}
