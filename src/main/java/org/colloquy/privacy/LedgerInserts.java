package org.colloquy.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

/**
 * Writes many ledger entries with one multi-row INSERT per {@link #ROWS} entries, through the
 * transaction's JDBC connection, and reads their
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
        // The transaction's own connection (EclipseLink hands it out inside a JTA transaction; not ours to close).
        Connection connection = em.unwrap(Connection.class);
        boolean h2 = isH2(connection);
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
                        values.append('?');
                    }
                }
                values.append(')');
            }
            String insert = "INSERT INTO ledger_entry (" + COLUMNS + ") VALUES " + values;
            String sql = h2 ? "SELECT id, member_id FROM FINAL TABLE (" + insert + ")" : insert + " RETURNING id, member_id";
            Map<Long, Long> idOfMember = new HashMap<>();
            // Plain JDBC, not a JPA native query: EclipseLink re-parses a native query's SQL for its
            // parameters on every execution, which took 40 of the 45 s of a 100k export (decision 0029).
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.size(); i++) {
                    statement.setObject(i + 1, parameters.get(i));
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        idOfMember.put(rows.getLong(2), rows.getLong(1));
                    }
                }
            } catch (SQLException e) {
                throw new PersistenceException("Could not write " + chunk.size() + " ledger entries", e);
            }
            if (idOfMember.size() != chunk.size()) {
                throw new PersistenceException("Wrote " + idOfMember.size() + " ledger entries of " + chunk.size());
            }
            chunk.forEach(e -> e.written(idOfMember.get(e.memberId())));
        }
    }

    private static boolean isH2(Connection connection) {
        try {
            return connection.getMetaData().getDatabaseProductName().toUpperCase(java.util.Locale.ROOT).contains("H2");
        } catch (SQLException e) {
            throw new PersistenceException("Cannot tell the database", e);
        }
    }
}
