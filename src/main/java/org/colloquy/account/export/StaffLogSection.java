package org.colloquy.account.export;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.stream.JsonGenerator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.colloquy.privacy.export.ExportJson;
import org.colloquy.privacy.export.PersonalDataSection;
import org.colloquy.privacy.export.Withheld;

/**
 * Staff log entries about the member in the export (P-ACCOUNT-3): what was done (roles, suspension,
 * sanctions, moderation of their posts), on what, why and when, as the member was told. Which staff
 * member acted is withheld.
 */
@ApplicationScoped
public class StaffLogSection implements PersonalDataSection {

    private static final String[] FIELDS = {"action", "detail", "reason", "at"};

    @PersistenceContext
    private EntityManager em;

    @Override
    public String name() {
        return "staff-log";
    }

    @Override
    public int write(long memberId, JsonGenerator json) {
        List<Object[]> rows = em.createQuery("SELECT a.action, a.detail, a.reason, a.at FROM StaffAction a"
                + " WHERE a.subjectId = :id AND (a.actorId IS NULL OR a.actorId <> :id) ORDER BY a.at, a.id", Object[].class)
                .setParameter("id", memberId).getResultList();
        return ExportJson.objects(json, FIELDS, rows);
    }

    @Override
    public List<Withheld> withheld() {
        return List.of(new Withheld("Which staff member took each action about you",
                "Other people's identities: staff act for the site, and decisions can be appealed without naming them."));
    }
}
