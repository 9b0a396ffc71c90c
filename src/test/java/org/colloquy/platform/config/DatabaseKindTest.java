package org.colloquy.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DatabaseKindTest {

    @Test
    void noUrlMeansEmbeddedH2() {
        assertEquals(DatabaseKind.H2, DatabaseKind.fromUrl(null));
        assertEquals(DatabaseKind.H2, DatabaseKind.fromUrl("  "));
    }

    @Test
    void h2AndPostgresqlUrlsChooseTheirDataSource() {
        assertEquals("org.h2.jdbcx.JdbcDataSource", DatabaseKind.fromUrl("jdbc:h2:file:./data/colloquy").dataSourceClass());
        assertEquals("org.postgresql.ds.PGSimpleDataSource",
                DatabaseKind.fromUrl("jdbc:postgresql://127.0.0.1:5432/colloquy").dataSourceClass());
    }

    @Test
    void anUnsupportedDatabaseIsRefusedWithAMessageThatHidesThePassword() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> DatabaseKind.fromUrl("jdbc:mysql://db/colloquy?user=u&password=secret"));
        assertTrue(refused.getMessage().contains("COLLOQUY_DB_URL"), refused.getMessage());
        assertFalse(refused.getMessage().contains("secret"), refused.getMessage());
    }

    @Test
    void theConfigSourceOffersOnlyTheDataSourceClass() {
        DataSourceClassConfigSource source = new DataSourceClassConfigSource();
        assertEquals(java.util.Set.of(DataSourceClassConfigSource.KEY), source.getPropertyNames());
        assertEquals(null, source.getValue("colloquy.db.url"));
        assertTrue(source.getOrdinal() > 100 && source.getOrdinal() < 300,
                "above microprofile-config.properties, below system properties and the environment");
    }
}
