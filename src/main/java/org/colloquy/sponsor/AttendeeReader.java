package org.colloquy.sponsor;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.colloquy.account.MemberAddresses;
import org.colloquy.event.SharedField;
import org.colloquy.event.WebinarRegistration;
import org.colloquy.privacy.Basis;
import org.colloquy.privacy.Disclosure;
import org.colloquy.privacy.DisclosureService;
import org.colloquy.privacy.DisclosureService.LiveConsent;
import org.colloquy.privacy.Recipient;

/**
 * Reads one batch of a sponsor's attendee list in a transaction of its own and discloses it
 * (P-SPONSOR-2): each registrant's live consent for this sponsor decides which fields they appear
 * with, and {@link DisclosureService#disclose} checks every consent again under its row lock and
 * writes the ledger before a row is built. Members grouped by the fields they allowed give one
 * disclosure per group. A batch costs a fixed number of statements whatever its size: one read of
 * the live consents, per group of fields one lock, one withdrawal check and one ledger insert,
 * and one read of the members' names and addresses (decision 0022). A withdrawal that commits before the lock refuses the disclosure: the
 * caller drops those members and reads the batch again, so a row is only ever built from a consent
 * that was live when it was read (P-SPONSOR-3).
 */
@Stateless
public class AttendeeReader {

    @Inject
    private DisclosureService disclosures;

    @Inject
    private MemberAddresses addresses;

    /**
     * @param registrations a page of the webinar's active registrations
     * @param excluded      members refused by an earlier try of this batch (their consent was withdrawn)
     * @throws org.colloquy.privacy.DisclosureRefusedException when a consent was withdrawn meanwhile; nothing is written
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public AttendeeBatch read(Recipient recipient, String purpose, List<WebinarRegistration> registrations, Set<Long> excluded) {
        List<Long> members = registrations.stream().map(WebinarRegistration::memberId).filter(m -> !excluded.contains(m)).toList();
        Map<Long, LiveConsent> live = disclosures.liveConsents(recipient, members);
        Map<Long, EnumSet<SharedField>> fieldsOf = new LinkedHashMap<>();
        live.forEach((member, consent) -> {
            EnumSet<SharedField> fields = EnumSet.noneOf(SharedField.class);
            for (SharedField field : SharedField.values()) {
                if (consent.fields().contains(field.key())) {
                    fields.add(field);
                }
            }
            if (!fields.isEmpty()) {
                fieldsOf.put(member, fields);
            }
        });
        // One disclosure per combination of fields (at most 15), each a fixed number of statements.
        Map<EnumSet<SharedField>, Map<Long, Basis>> groups = new LinkedHashMap<>();
        fieldsOf.forEach((member, fields) -> groups.computeIfAbsent(fields, f -> new LinkedHashMap<>()).put(member, live.get(member).basis()));
        groups.forEach((fields, bases) -> disclosures.disclose(new Disclosure(recipient,
                fields.stream().map(SharedField::key).collect(Collectors.toCollection(LinkedHashSet::new)), purpose, bases)));
        Map<Long, MemberAddresses.Address> details = fieldsOf.isEmpty() ? Map.of() : addresses.contacts(fieldsOf.keySet());
        List<AttendeeRow> rows = new ArrayList<>();
        for (WebinarRegistration r : registrations) {
            EnumSet<SharedField> fields = fieldsOf.get(r.memberId());
            if (fields == null) {
                continue;
            }
            MemberAddresses.Address address = details.get(r.memberId());
            rows.add(new AttendeeRow(
                    fields.contains(SharedField.EMAIL) && address != null ? address.email() : null,
                    fields.contains(SharedField.NAME) && address != null ? address.name() : null,
                    fields.contains(SharedField.JOB_TITLE) ? r.jobTitle() : null,
                    fields.contains(SharedField.ORGANIZATION) ? r.organization() : null,
                    live.get(r.memberId()).givenAt()));
        }
        return new AttendeeBatch(rows, registrations.size() - rows.size());
    }
}
