package org.colloquy.privacy.export;

import java.util.List;

import jakarta.json.stream.JsonGenerator;

/**
 * One context's share of a member's data export (P-ACCOUNT-3). Each context that keeps something
 * about a member implements this as a CDI bean over its own tables; {@link DataExport} finds every
 * implementation and writes them in the order of their {@link #name() names}, so no context reads
 * another's repository. The same seam is meant to serve account deletion later.
 *
 * <h2>Usage</h2>
 * <pre>
 * &#64;ApplicationScoped
 * public class TestimonialSection implements PersonalDataSection {
 *     public String name() { return "testimonials"; }
 *     public int write(long memberId, JsonGenerator json) {
 *         List&lt;Object[]&gt; rows = em.createQuery("SELECT t.id, t.body ... WHERE t.authorId = :member", Object[].class)...;
 *         return ExportJson.objects(json, new String[] {"id", "body", ...}, rows);
 *     }
 * }
 * </pre>
 */
public interface PersonalDataSection {

    /** The section's key in the file: lower case with hyphens, unique, stable across versions of the schema. */
    String name();

    /**
     * Writes the member's items as JSON objects into the array the caller has opened (one object per item,
     * nothing else), reading in pages so that memory does not grow with the member's data.
     *
     * @return how many objects were written; the manifest states this number
     */
    int write(long memberId, JsonGenerator json);

    /** What this context keeps about the member but does not export, and why; stated in the manifest. */
    default List<Withheld> withheld() {
        return List.of();
    }
}
