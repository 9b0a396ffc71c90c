package org.colloquy.account.export;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.stream.JsonGenerator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.colloquy.privacy.export.ExportJson;
import org.colloquy.privacy.export.PersonalDataSection;

/** The member's signed-in sessions in the export (P-ACCOUNT-3): when, from which browser and address; never the session id. */
@ApplicationScoped
public class SessionsSection implements PersonalDataSection {

    private static final String[] FIELDS = {"createdAt", "lastSeenAt", "endedAt", "client", "address"};

    @PersistenceContext
    private EntityManager em;

    @Override
    public String name() {
        return "sessions";
    }

    @Override
    public int write(long memberId, JsonGenerator json) {
        List<Object[]> rows = em.createQuery("SELECT s.createdAt, s.lastSeenAt, s.endedAt, s.client, s.address FROM MemberSession s"
                + " WHERE s.memberId = :id ORDER BY s.createdAt", Object[].class).setParameter("id", memberId).getResultList();
        return ExportJson.objects(json, FIELDS, rows);
    }
}
