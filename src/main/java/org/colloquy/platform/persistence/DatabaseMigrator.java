package org.colloquy.platform.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;

import org.colloquy.platform.config.DatabaseKind;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date with Flyway before anything else touches the database. The
 * migrations in {@code db/migration} are the only source of the schema; JPA schema generation is
 * off. Other start-up beans that use the database declare {@code @DependsOn("DatabaseMigrator")}.
 * What only one database can run (PostgreSQL's full-text index, decision 0014) lives beside them in
 * {@code db/vendor/h2} and {@code db/vendor/postgresql}, and Flyway reads the folder of the database
 * it migrates as well.
 *
 * <p>The data source is defined here so that its settings come from MicroProfile Config
 * ({@code COLLOQUY_DB_*}) at deployment time: one artifact serves H2 and PostgreSQL alike.
 * Flyway's own lock table makes two nodes starting at once safe. Pooled connections are validated
 * before use, so a node that lost the database recovers by itself when it returns.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
@DataSourceDefinition(
        name = DatabaseMigrator.DATA_SOURCE,
        className = "${MPCONFIG=colloquy.db.datasource-class}",
        url = "${MPCONFIG=colloquy.db.url}",
        user = "${MPCONFIG=colloquy.db.user}",
        password = "${MPCONFIG=colloquy.db.password}",
        minPoolSize = 1,
        maxPoolSize = 32,
        // A connection is checked (JDBC isValid) before the pool hands it out, and one failed check
        // closes them all: after the database comes back the node needs no restart.
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=custom-validation",
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
            "fish.payara.fail-all-connections=true"
        })
public class DatabaseMigrator {

    public static final String DATA_SOURCE = "java:app/jdbc/colloquy";

    private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class.getName());

    @Resource(lookup = DATA_SOURCE)
    private DataSource dataSource;

    private String schemaVersion;

    private DatabaseKind databaseKind;

    @PostConstruct
    void migrate() {
        try (Connection connection = dataSource.getConnection()) {
            databaseKind = DatabaseKind.fromUrl(connection.getMetaData().getURL());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to migrate it", e);
        }
        Flyway flyway = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration", "classpath:db/vendor/" + databaseKind.name().toLowerCase(Locale.ROOT))
                .failOnMissingLocations(true)
                .load();
        MigrateResult result = flyway.migrate();
        schemaVersion = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info(() -> "Database schema at version " + schemaVersion + " on " + result.database
                + " (" + result.migrationsExecuted + " migration(s) applied now)");
    }

    /** The schema version Flyway reported at start-up. */
    @Lock(LockType.READ)
    public String schemaVersion() {
        return schemaVersion;
    }

    /**
     * The database migrated, for the few queries that differ between them (forum search). A read lock:
     * the value is set once at start-up, and with the singleton's default write lock every search on
     * the node waited for the others to read it.
     */
    @Lock(LockType.READ)
    public DatabaseKind databaseKind() {
        return databaseKind;
    }
}
