package org.colloquy.privacy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;

/**
 * Writes many ledger entries with one multi-row INSERT per {@link #ROWS} entries and reads their
 * generated ids back from the same statement ({@code RETURNING} on PostgreSQL, {@code FINAL TABLE}
 * on H2), so a disclosure of N members costs a fixed number of statements per batch and still
 * returns its entries with their ids (decision 0029). The ids stay {@code IDENTITY}: no migration.
 * Holds no state.
 */
final class LedgerInserts {

    /** Entries per statement: 9 parameters each, far under PostgreSQL's 32 767. */
    static final int ROWS = 500;

    private static final String COLUMNS = "member_id, recipient_kind, recipient_key, recipient_label, fields, purpose,"
            + " consent_id, policy_clause, disclosed_at";

    /** Inserts the entries (all unwritten, each of a different member) and gives each its id. */
    void insert(EntityManager em, List<LedgerEntry> entries) {
        boolean h2 = isH2(em);
        for (int from = 0; from < entries.size(); from += ROWS) {
            List<LedgerEntry> chunk = entries.subList(from, Math.min(entries.size(), from + ROWS));
            StringBuilder values = new StringBuilder();
            List<Object> parameters = new ArrayList<>();
            for (LedgerEntry e : chunk) {
                Object[] cells = {e.memberId(), e.recipientKind().name(), e.recipientKey(), e.recipientLabel(),
                        String.join(",", e.fields()), e.purpose(), e.consentId(),
                        e.clause() == null ? null : e.clause().name(), e.disclosedAt()};
                values.append(values.length() == 0 ? "(" : ", (");
                for (int i = 0; i < cells.length; i++) {
                    values.append(i == 0 ? "" : ", ");
                    // A null as an SQL NULL: a bound null has no type, which PostgreSQL may refuse for a BIGINT.
                    if (cells[i] == null) {
                        values.append("NULL");
                    } else {
                        parameters.add(cells[i]);
                        values.append('?').append(parameters.size());
                    }
                }
                values.append(')');
            }
            String insert = "INSERT INTO ledger_entry (" + COLUMNS + ") VALUES " + values;
            String sql = h2 ? "SELECT id, member_id FROM FINAL TABLE (" + insert + ")" : insert + " RETURNING id, member_id";
            Query query = em.createNativeQuery(sql);
            for (int i = 0; i < parameters.size(); i++) {
                query.setParameter(i + 1, parameters.get(i));
            }
            Map<Long, Long> idOfMember = new HashMap<>();
            for (Object row : query.getResultList()) {
                Object[] cells = (Object[]) row;
                idOfMember.put(((Number) cells[1]).longValue(), ((Number) cells[0]).longValue());
            }
            if (idOfMember.size() != chunk.size()) {
                throw new PersistenceException("Wrote " + idOfMember.size() + " ledger entries of " + chunk.size());
            }
            chunk.forEach(e -> e.written(idOfMember.get(e.memberId())));
        }
    }

    private static boolean isH2(EntityManager em) {
        try {
            Connection connection = em.unwrap(Connection.class);
            return connection.getMetaData().getDatabaseProductName().toUpperCase(java.util.Locale.ROOT).contains("H2");
        } catch (SQLException e) {
            throw new PersistenceException("Cannot tell the database", e);
        }
    }
}
