package org.colloquy.removal.export;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.stream.JsonGenerator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.colloquy.privacy.export.ExportJson;
import org.colloquy.privacy.export.PersonalDataSection;
import org.colloquy.privacy.export.Withheld;

/** The member's removal requests (P-REMOVE-1) in their data export: what they asked, the outcome and the reasons they were told. */
@ApplicationScoped
public class RemovalRequestsSection implements PersonalDataSection {

    private static final String[] FIELDS = {"id", "itemKind", "itemId", "wanted", "explanation", "status", "receivedAt", "dueAt",
            "outcome", "refusalCategory", "officerWords", "decidedAt", "appealStatement", "appealedAt", "appealOutcome", "appealWords",
            "appealDecidedAt"};

    @PersistenceContext
    private EntityManager em;

    @Override
    public String name() {
        return "removal-requests";
    }

    @Override
    public int write(long memberId, JsonGenerator json) {
        List<Object[]> rows = em.createQuery("SELECT r.id, r.itemKind, r.itemId, r.wanted, r.explanation, r.status, r.receivedAt, r.dueAt,"
                + " r.outcome, r.refusalCategory, r.officerWords, r.decidedAt, r.appealStatement, r.appealedAt, r.appealOutcome,"
                + " r.appealWords, r.appealDecidedAt FROM RemovalRequest r WHERE r.memberId = :member ORDER BY r.id", Object[].class)
                .setParameter("member", memberId).getResultList();
        return ExportJson.objects(json, FIELDS, rows);
    }

    @Override
    public List<Withheld> withheld() {
        return List.of(new Withheld("which privacy officer reviewed or decided each removal request",
                "staff identities are kept to protect the officers; the decision and its reasons are exported"));
    }
}
