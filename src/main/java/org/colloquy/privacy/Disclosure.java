package org.colloquy.privacy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One disclosure as a context asks for it: to whom, which fields, for what, and for each member
 * (the map's keys) the basis that allows it.
 *
 * <h2>Usage</h2>
 * <pre>
 * Recipient sponsor = new Recipient(RecipientKind.SPONSOR, "sponsor:" + s.id(), s.name() + " (sponsor of " + event.title() + ")");
 * Map&lt;Long, Basis&gt; bases = ...; // memberId -&gt; Basis.consent(consentId), from ConsentService.live(...)
 * disclosures.disclose(new Disclosure(sponsor, Set.of("name", "email"), "Attendee list export of " + event.title(), bases));
 * </pre>
 *
 * @param fields  stable names of the fields disclosed ({@code name}, {@code email}, {@code organization},
 *                {@code job_title}), in the order given
 * @param purpose what the recipient receives it for, as the member will read it in their ledger
 */
public record Disclosure(Recipient recipient, Set<String> fields, String purpose, Map<Long, Basis> basisByMember) {

    public static final int PURPOSE_LENGTH = LedgerEntry.PURPOSE_LENGTH;

    private static final Pattern FIELD = Pattern.compile("[a-z][a-z0-9_]*");

    public Disclosure {
        Objects.requireNonNull(recipient, "recipient");
        if (fields == null || fields.isEmpty()) {
            throw new IllegalArgumentException("A disclosure names at least one field");
        }
        for (String field : fields) {
            if (field == null || !FIELD.matcher(field).matches()) {
                throw new IllegalArgumentException("A field name is a lower-case word such as 'job_title': '" + field + "'");
            }
        }
        fields = Collections.unmodifiableSet(new LinkedHashSet<>(fields));
        if (String.join(",", fields).length() > LedgerEntry.FIELDS_LENGTH) {
            throw new IllegalArgumentException("The field names take at most " + LedgerEntry.FIELDS_LENGTH + " characters together");
        }
        if (purpose == null || purpose.isBlank() || purpose.length() > PURPOSE_LENGTH) {
            throw new IllegalArgumentException("A disclosure's purpose is not blank and at most " + PURPOSE_LENGTH + " characters");
        }
        purpose = purpose.strip();
        if (basisByMember == null || basisByMember.isEmpty()) {
            throw new IllegalArgumentException("A disclosure names at least one member");
        }
        basisByMember.forEach((member, basis) -> {
            Objects.requireNonNull(member, "member id");
            Objects.requireNonNull(basis, "basis of member " + member);
        });
        basisByMember = Collections.unmodifiableMap(new LinkedHashMap<>(basisByMember));
    }

    /** A disclosure of one member's data. */
    public static Disclosure of(Recipient recipient, Set<String> fields, String purpose, long memberId, Basis basis) {
        return new Disclosure(recipient, fields, purpose, Map.of(memberId, basis));
    }

    /** The members whose data is disclosed. */
    public Set<Long> members() {
        return basisByMember.keySet();
    }
}
