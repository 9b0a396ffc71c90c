package org.colloquy.platform.config;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Supplies {@value #KEY}, the JDBC data source class, derived from the database URL so that an
 * operator switches databases with {@code COLLOQUY_DB_URL}, {@code COLLOQUY_DB_USER} and
 * {@code COLLOQUY_DB_PASSWORD} alone. An explicit {@code COLLOQUY_DB_DATASOURCE_CLASS} still wins:
 * this source's ordinal sits above the bundled defaults and below system properties and the
 * environment.
 */
public class DataSourceClassConfigSource implements ConfigSource {

    public static final String KEY = "colloquy.db.datasource-class";
    static final String URL_PROPERTY = "colloquy.db.url";
    static final String URL_VARIABLE = "COLLOQUY_DB_URL";

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(KEY);
    }

    @Override
    public String getValue(String propertyName) {
        return KEY.equals(propertyName) ? DatabaseKind.fromUrl(configuredUrl()).dataSourceClass() : null;
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(KEY, getValue(KEY));
    }

    @Override
    public String getName() {
        return "colloquy-derived-datasource-class";
    }

    @Override
    public int getOrdinal() {
        return 150;
    }

    private static String configuredUrl() {
        String fromProperty = System.getProperty(URL_PROPERTY);
        if (fromProperty != null && !fromProperty.isBlank()) {
            return fromProperty;
        }
        return System.getenv(URL_VARIABLE);
    }
}
