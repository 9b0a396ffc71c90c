package org.colloquy.sponsor.export;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.stream.JsonGenerator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.colloquy.event.EventService;
import org.colloquy.privacy.ConsentPurpose;
import org.colloquy.privacy.ConsentService;
import org.colloquy.privacy.export.ExportJson;
import org.colloquy.privacy.export.PersonalDataSection;
import org.colloquy.privacy.export.Withheld;

/**
 * The revocation notices sponsors were sent about the member (P-SPONSOR-3), in the export
 * (P-ACCOUNT-3): which sponsor was asked to delete which of the member's fields, after which
 * withdrawal, for which webinar, and whether the sponsor has acknowledged it. A notice is tied to
 * the withdrawn sharing consent, so the member's sharing consents are asked of the consent service.
 */
@ApplicationScoped
public class RevocationNoticesSection implements PersonalDataSection {

    private static final String[] FIELDS = {"id", "sponsor", "webinarId", "webinarTitle", "consentId", "fields", "attendee",
            "withdrawnAt", "acknowledged", "acknowledgedAt"};

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ConsentService consents;

    @Inject
    private EventService events;

    @Override
    public String name() {
        return "sponsor-revocation-notices";
    }

    @Override
    public int write(long memberId, JsonGenerator json) {
        List<Long> consentIds = consents.idsOf(memberId, ConsentPurpose.SPONSOR_SHARING);
        if (consentIds.isEmpty()) {
            return 0;
        }
        int count = 0;
        for (Object[] row : em.createQuery("SELECT n.id, s.name, n.webinarId, n.consentId, n.fields, n.attendee, n.withdrawnAt,"
                        + " n.acknowledgedAt FROM RevocationNotice n, Sponsor s WHERE n.consentId IN :consents AND s.id = n.sponsorId"
                        + " ORDER BY n.id", Object[].class)
                .setParameter("consents", consentIds).getResultList()) {
            long webinarId = (Long) row[2];
            ExportJson.object(json, FIELDS, new Object[] {row[0], row[1], webinarId, events.titleOf(webinarId).orElse(null), row[3],
                    row[4], row[5], row[6], row[7] != null, row[7]});
            count++;
        }
        return count;
    }

    @Override
    public List<Withheld> withheld() {
        return List.of(new Withheld("Which of the sponsor's contacts acknowledged a revocation notice",
                "Another person's identity; whether and when the sponsor acknowledged it is included"));
    }
}
