package org.colloquy.privacy.export;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.stream.JsonGenerator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The member's email notification choices, in the export (P-ACCOUNT-3): every change, oldest first
 * (the newest per kind is in force; a kind never changed is on). Marketing mail is a consent and is
 * listed under {@code consents}.
 */
@ApplicationScoped
public class EmailPreferencesSection implements PersonalDataSection {

    private static final String[] FIELDS = {"kind", "optedOut", "changedAt", "changedVia"};

    @PersistenceContext
    private EntityManager em;

    @Override
    public String name() {
        return "email-preferences";
    }

    @Override
    public int write(long memberId, JsonGenerator json) {
        List<Object[]> rows = em.createQuery("SELECT p.kind, p.optedOut, p.changedAt, p.changedVia FROM NotificationPreference p"
                + " WHERE p.memberId = :member ORDER BY p.changedAt, p.id", Object[].class).setParameter("member", memberId)
                .getResultList();
        return ExportJson.objects(json, FIELDS, rows);
    }
}
