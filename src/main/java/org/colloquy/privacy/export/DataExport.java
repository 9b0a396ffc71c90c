package org.colloquy.privacy.export;

import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;

import org.colloquy.platform.security.Caller;

/**
 * The signed-in member's self-service export (P-ACCOUNT-3): one JSON document, schema
 * {@value #SCHEMA} version {@value #VERSION} (described in {@code docs/export-schema.md}), written as
 * it is read with a {@link JsonGenerator}. Every context contributes its {@link PersonalDataSection};
 * the manifest at the end states each section's count, equal to the items written, and what is
 * withheld and why. Only the caller's own data: the member id comes from {@link Caller}, never from
 * the request, and there is no variant for another member.
 */
@Stateless
public class DataExport {

    public static final String SCHEMA = "colloquy-export";
    public static final int VERSION = 1;

    @Inject
    @Any
    private Instance<PersonalDataSection> sections;

    @Inject
    private Caller caller;

    /** The sections in the order they are written: by name. */
    public List<PersonalDataSection> sections() {
        List<PersonalDataSection> all = new ArrayList<>();
        sections.forEach(all::add);
        all.sort(Comparator.comparing(PersonalDataSection::name));
        return all;
    }

    /**
     * Writes the caller's export to {@code out} (left open). The reads share one transaction; a page of
     * rows at a time is in memory, never the whole document.
     */
    @RolesAllowed("MEMBER")
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void exportCaller(OutputStream out) {
        long memberId = caller.requireMemberId();
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<PersonalDataSection> ordered = sections();
        JsonGenerator json = Json.createGenerator(out);
        json.writeStartObject();
        json.write("schema", SCHEMA);
        json.write("version", VERSION);
        ExportJson.put(json, "exportedAt", OffsetDateTime.now(ZoneOffset.UTC));
        json.writeStartObject("sections");
        for (PersonalDataSection section : ordered) {
            json.writeStartArray(section.name());
            counts.put(section.name(), section.write(memberId, json));
            json.writeEnd();
            json.flush();
        }
        json.writeEnd();
        json.writeStartObject("manifest");
        json.writeStartArray("sections");
        counts.forEach((name, count) -> json.writeStartObject().write("name", name).write("count", count).writeEnd());
        json.writeEnd();
        json.writeStartArray("withheld");
        for (PersonalDataSection section : ordered) {
            for (Withheld withheld : section.withheld()) {
                json.writeStartObject().write("section", section.name()).write("what", withheld.what())
                        .write("why", withheld.why()).writeEnd();
            }
        }
        json.writeEnd();
        json.writeEnd();
        json.writeEnd();
        json.flush();
    }
}
