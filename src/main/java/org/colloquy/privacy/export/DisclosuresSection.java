package org.colloquy.privacy.export;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.stream.JsonGenerator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The disclosure ledger of the member, in the export (P-ACCOUNT-3): every time their data went to a
 * third party or the public, to whom, which fields, why and on what basis (a consent id from
 * {@code consents} or a policy clause); {@code endsEntryId} marks the end of a lasting disclosure.
 * Read by id in pages.
 */
@ApplicationScoped
public class DisclosuresSection implements PersonalDataSection {

    private static final int PAGE = 500;

    private static final String[] FIELDS = {"id", "recipientKind", "recipientLabel", "fields", "purpose", "consentId",
            "policyClause", "disclosedAt", "endsEntryId"};

    @PersistenceContext
    private EntityManager em;

    @Override
    public String name() {
        return "disclosures";
    }

    @Override
    public int write(long memberId, JsonGenerator json) {
        int count = 0;
        long after = 0;
        while (true) {
            List<Object[]> page = em.createQuery("SELECT e.id, e.recipientKind, e.recipientLabel, e.fields, e.purpose, e.consentId,"
                    + " e.policyClause, e.disclosedAt, e.endsEntryId FROM LedgerEntry e WHERE e.memberId = :member AND e.id > :after"
                    + " ORDER BY e.id", Object[].class).setParameter("member", memberId).setParameter("after", after)
                    .setMaxResults(PAGE).getResultList();
            for (Object[] row : page) {
                ExportJson.object(json, FIELDS, row);
            }
            count += page.size();
            if (page.size() < PAGE) {
                return count;
            }
            after = (Long) page.get(page.size() - 1)[0];
        }
    }
}
