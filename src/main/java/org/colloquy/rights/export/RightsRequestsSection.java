package org.colloquy.rights.export;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.stream.JsonGenerator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.colloquy.privacy.export.ExportJson;
import org.colloquy.privacy.export.PersonalDataSection;
import org.colloquy.privacy.export.Withheld;

/**
 * The member's rights requests (P-RIGHTS-1) in their data export: those made from the account, and
 * those made by the public form from the account's address once the link proved it theirs.
 */
@ApplicationScoped
public class RightsRequestsSection implements PersonalDataSection {

    private static final String[] FIELDS = {"id", "kind", "description", "requesterEmail", "status", "receivedAt", "verifiedAt",
            "dueAt", "answeredAt", "outcome", "answer"};

    @PersistenceContext
    private EntityManager em;

    @Override
    public String name() {
        return "rights-requests";
    }

    @Override
    public int write(long memberId, JsonGenerator json) {
        List<Object[]> rows = em.createQuery("SELECT r.id, r.kind, r.description, r.requesterEmail, r.status, r.receivedAt, r.verifiedAt,"
                + " r.dueAt, r.answeredAt, r.outcome, r.answer FROM RightsRequest r"
                + " WHERE r.memberId = :member OR (r.accountMemberId = :member AND r.verifiedAt IS NOT NULL) ORDER BY r.id", Object[].class)
                .setParameter("member", memberId).getResultList();
        return ExportJson.objects(json, FIELDS, rows);
    }

    @Override
    public List<Withheld> withheld() {
        return List.of(new Withheld("under-age reports naming this account",
                "they hold the reporter's identity and contact; the privacy office answers for them on request"));
    }
}
