package org.colloquy.privacy.export;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.stream.JsonGenerator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Every consent the member gave, in the export (P-ACCOUNT-3): purpose, subject, fields, the exact
 * notice version and wording they agreed to, when and where, and the withdrawal if any. Sharing
 * choices at webinar registration ({@code SPONSOR_SHARING}), marketing mail, testimonial credits and
 * workgroup joining clauses are all consents and appear here.
 */
@ApplicationScoped
public class ConsentsSection implements PersonalDataSection {

    private static final String[] FIELDS = {"id", "purpose", "subjectKey", "subjectLabel", "fields", "noticeVersion",
            "noticeText", "givenAt", "givenVia", "withdrawnAt", "withdrawnVia"};

    @PersistenceContext
    private EntityManager em;

    @Override
    public String name() {
        return "consents";
    }

    @Override
    public int write(long memberId, JsonGenerator json) {
        List<Object[]> rows = em.createQuery("SELECT c.id, c.purpose, c.subjectKey, c.subjectLabel, c.fields, c.noticeVersion,"
                + " c.noticeText, c.givenAt, c.givenVia, w.withdrawnAt, w.withdrawnVia FROM Consent c LEFT JOIN c.withdrawal w"
                + " WHERE c.memberId = :member ORDER BY c.id", Object[].class).setParameter("member", memberId).getResultList();
        return ExportJson.objects(json, FIELDS, rows);
    }
}
