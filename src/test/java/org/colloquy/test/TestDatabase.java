package org.colloquy.test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;

import org.colloquy.platform.persistence.DatabaseMigrator;

/**
 * Rows read and written straight through JDBC by in-container tests: to check what a service wrote
 * where it lands, and to set up what no service offers (a role, a date in the past). Each call has its
 * own connection, so a write outside a transaction is committed when the call returns; parameters
 * are bound in order.
 *
 * <h2>Usage</h2>
 * <pre>
 * &#64;Deployment
 * static WebArchive deployment() {
 *     return Deployments.portal().addClass(TestDatabase.class);
 * }
 *
 * &#64;Inject
 * TestDatabase db;
 * ...
 * db.update("insert into member_role (member_id, role) values (?, 'MODERATOR')", member);
 * assertEquals(1, db.number("select count(*) from flag where post_id = ?", postId));
 * </pre>
 */
@Dependent
public class TestDatabase {

    @Resource(lookup = DatabaseMigrator.DATA_SOURCE)
    DataSource dataSource;

    /** The first column of the query's first row as a number; a failure when there is no row. */
    public long number(String sql, Object... parameters) {
        return Long.parseLong(string(sql, parameters));
    }

    /** The first column of the query's first row; a failure when there is no row. */
    public String string(String sql, Object... parameters) {
        List<String[]> rows = rows(sql, parameters);
        if (rows.isEmpty()) {
            throw new AssertionError("No row for " + sql);
        }
        return rows.get(0)[0];
    }

    /** The first column of each of the query's rows, in its order. */
    public List<String> strings(String sql, Object... parameters) {
        return rows(sql, parameters).stream().map(row -> row[0]).toList();
    }

    /** Each of the query's rows, every column as text (null where the column is), in its order. */
    public List<String[]> rows(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, sql, parameters);
                ResultSet r = s.executeQuery()) {
            int columns = r.getMetaData().getColumnCount();
            List<String[]> rows = new ArrayList<>();
            while (r.next()) {
                String[] row = new String[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = r.getString(i + 1);
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs an insert, update or delete; answers how many rows it changed. */
    public int update(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, sql, parameters)) {
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The subject and body, one line apart, of each mail queued to the address, oldest first. */
    public List<String> mailsTo(String address) {
        return rows("select subject, body_text from mail_outbox where recipient = ? order by id", address).stream()
                .map(mail -> mail[0] + "\n" + mail[1]).toList();
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... parameters) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            return s;
        } catch (SQLException e) {
            s.close();
            throw e;
        }
    }
}
