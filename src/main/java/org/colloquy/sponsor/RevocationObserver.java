package org.colloquy.sponsor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.colloquy.account.MemberAddresses;
import org.colloquy.event.EventService;
import org.colloquy.event.SharedField;
import org.colloquy.event.SponsorSharing;
import org.colloquy.event.Webinar;
import org.colloquy.event.WebinarRegistration;
import org.colloquy.privacy.ConsentPurpose;
import org.colloquy.privacy.ConsentWithdrawn;
import org.colloquy.privacy.DisclosureService;
import org.colloquy.privacy.LedgerEntryView;
import org.colloquy.privacy.LedgerPage;

/**
 * Hears every withdrawal, in the withdrawing transaction (so a notice exists exactly when the
 * withdrawal does, P-SPONSOR-3). For sharing with a sponsor that already received the member's data
 * (the member's ledger says so), it records a {@link RevocationNotice} naming the attendee by the
 * fields the sponsor received, and mails the sponsor's contacts. A sponsor that received nothing is
 * not told.
 */
@ApplicationScoped
public class RevocationObserver {

    @Inject
    RevocationNotices notices;

    @Inject
    DisclosureService disclosures;

    @Inject
    EventService events;

    @Inject
    SponsorService sponsors;

    @Inject
    MemberAddresses addresses;

    @Inject
    SponsorMails mails;

    void onWithdrawn(@Observes ConsentWithdrawn event) {
        if (event.purpose() != ConsentPurpose.SPONSOR_SHARING) {
            return;
        }
        SponsorSharing.Subject subject = SponsorSharing.parse(event.subjectKey()).orElse(null);
        Webinar webinar = subject == null ? null : events.find(subject.webinarId()).orElse(null);
        if (webinar == null) {
            return;
        }
        Set<SharedField> received = receivedFields(event.memberId(), event.subjectKey());
        if (received.isEmpty()) {
            return;
        }
        MemberAddresses.Address address = addresses.contacts(List.of(event.memberId())).get(event.memberId());
        WebinarRegistration registration = events.anyRegistration(event.memberId(), subject.webinarId()).orElse(null);
        List<String> who = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (SharedField field : received) {
            keys.add(field.key());
            who.add(switch (field) {
                case EMAIL -> address == null ? "" : address.email();
                case NAME -> address == null ? "" : address.name();
                case JOB_TITLE -> registration == null || registration.jobTitle() == null ? "" : registration.jobTitle();
                case ORGANIZATION -> registration == null || registration.organization() == null ? "" : registration.organization();
            });
        }
        if (notices.record(subject.sponsorId(), subject.webinarId(), event.consentId(), String.join(",", keys), String.join(" · ", who))) {
            mails.revocation(sponsors.contactsOf(subject.sponsorId()), webinar.title());
        }
    }

    /** Every field this member's ledger says went to this recipient, in the form's order. */
    private Set<SharedField> receivedFields(long memberId, String recipientKey) {
        Set<String> fields = new HashSet<>();
        for (int page = 0; ; page++) {
            LedgerPage ledger = disclosures.forMember(memberId, page, 100);
            for (LedgerEntryView entry : ledger.entries()) {
                if (recipientKey.equals(entry.recipientKey())) {
                    fields.addAll(entry.fields());
                }
            }
            if (!ledger.hasNext()) {
                break;
            }
        }
        Set<SharedField> ordered = new LinkedHashSet<>();
        for (SharedField f : SharedField.values()) {
            if (fields.contains(f.key())) {
                ordered.add(f);
            }
        }
        return ordered;
    }
}
