package org.colloquy.privacy.export;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.List;

import jakarta.json.stream.JsonGenerator;

/**
 * How every section writes a value: {@code null} as JSON null, times as ISO-8601 in UTC, numbers and
 * booleans as such, anything else (enums, strings) as its string.
 */
public final class ExportJson {

    private ExportJson() {
    }

    public static void put(JsonGenerator json, String name, Object value) {
        if (value == null) {
            json.writeNull(name);
        } else if (value instanceof OffsetDateTime time) {
            json.write(name, time.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } else if (value instanceof java.sql.Date day) {
            json.write(name, day.toLocalDate().toString());
        } else if (value instanceof java.util.Date date) {
            // A native query on PostgreSQL answers java.sql.Timestamp for TIMESTAMP WITH TIME ZONE.
            json.write(name, DateTimeFormatter.ISO_INSTANT.format(date.toInstant()));
        } else if (value instanceof TemporalAccessor time) {
            json.write(name, time.toString());
        } else if (value instanceof Boolean bool) {
            json.write(name, bool);
        } else if (value instanceof Long number) {
            json.write(name, number);
        } else if (value instanceof Integer number) {
            json.write(name, number);
        } else if (value instanceof Short number) {
            json.write(name, number.intValue());
        } else if (value instanceof Number number) {
            json.write(name, number.toString());
        } else {
            json.write(name, value.toString());
        }
    }

    /** One object of the named fields and values (pairs), for rows read as {@code Object[]}. */
    public static void object(JsonGenerator json, String[] names, Object[] row) {
        json.writeStartObject();
        for (int i = 0; i < names.length; i++) {
            put(json, names[i], row[i]);
        }
        json.writeEnd();
    }

    /**
     * One {@link #object} per row, in the rows' order: the whole of a section read in one query.
     *
     * @return how many objects were written, for the manifest
     */
    public static int objects(JsonGenerator json, String[] names, List<Object[]> rows) {
        for (Object[] row : rows) {
            object(json, names, row);
        }
        return rows.size();
    }
}
