package org.colloquy.platform.config;

/**
 * The databases Colloquy runs on, recognised from a JDBC URL. Embedded H2 is the default so the
 * portal runs with nothing installed; PostgreSQL is the production database.
 */
public enum DatabaseKind {

    H2("org.h2.jdbcx.JdbcDataSource"),
    POSTGRESQL("org.postgresql.ds.PGSimpleDataSource");

    private final String dataSourceClass;

    DatabaseKind(String dataSourceClass) {
        this.dataSourceClass = dataSourceClass;
    }

    public String dataSourceClass() {
        return dataSourceClass;
    }

    /**
     * @param jdbcUrl a JDBC URL, or null or blank for the default
     * @return the database the URL names; H2 when none is given
     * @throws IllegalArgumentException for a URL of a database Colloquy does not support
     */
    public static DatabaseKind fromUrl(String jdbcUrl) {
        if (jdbcUrl == null || jdbcUrl.isBlank() || jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("COLLOQUY_DB_URL must start with jdbc:postgresql: or jdbc:h2:, but it is "
                + jdbcUrl.replaceAll("password=[^&;]*", "password=***"));
    }
}
