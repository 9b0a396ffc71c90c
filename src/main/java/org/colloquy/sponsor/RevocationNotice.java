package org.colloquy.sponsor;

import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * Tells a sponsor that an attendee whose data it received withdrew their consent (P-SPONSOR-3):
 * which fields it received and whom they concern, so it knows what to delete; a contact of the
 * sponsor acknowledges it. Earlier exports stay on record in the ledger; nothing here undoes them.
 */
@Entity
@Table(name = "sponsor_revocation_notice")
@NamedQuery(name = "RevocationNotice.ofSponsor", query = "SELECT n FROM RevocationNotice n WHERE n.sponsorId = :sponsor"
        + " ORDER BY CASE WHEN n.acknowledgedAt IS NULL THEN 0 ELSE 1 END, n.withdrawnAt DESC, n.id DESC")
@NamedQuery(name = "RevocationNotice.count",
        query = "SELECT COUNT(n) FROM RevocationNotice n WHERE n.sponsorId = :sponsor AND n.consentId = :consent")
public class RevocationNotice {

    public static final int FIELDS_LENGTH = 200;
    public static final int ATTENDEE_LENGTH = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "sponsor_id", nullable = false, updatable = false)
    private Long sponsorId;

    @Column(name = "webinar_id", nullable = false, updatable = false)
    private Long webinarId;

    @Column(name = "consent_id", nullable = false, updatable = false)
    private Long consentId;

    @Column(name = "fields", length = FIELDS_LENGTH, nullable = false, updatable = false)
    private String fields;

    @Column(name = "attendee", length = ATTENDEE_LENGTH, nullable = false, updatable = false)
    private String attendee;

    @Column(name = "withdrawn_at", nullable = false, updatable = false)
    private OffsetDateTime withdrawnAt;

    @Column(name = "acknowledged_at")
    private OffsetDateTime acknowledgedAt;

    @Column(name = "acknowledged_by")
    private Long acknowledgedBy;

    protected RevocationNotice() {
    }

    RevocationNotice(long sponsorId, long webinarId, long consentId, String fields, String attendee, OffsetDateTime withdrawnAt) {
        this.sponsorId = sponsorId;
        this.webinarId = webinarId;
        this.consentId = consentId;
        this.fields = Objects.requireNonNull(fields);
        this.attendee = attendee.length() > ATTENDEE_LENGTH ? attendee.substring(0, ATTENDEE_LENGTH) : attendee;
        this.withdrawnAt = Objects.requireNonNull(withdrawnAt);
    }

    void acknowledge(long contactId, OffsetDateTime now) {
        if (acknowledgedAt == null) {
            acknowledgedAt = now;
            acknowledgedBy = contactId;
        }
    }

    public Long id() {
        return id;
    }

    public long sponsorId() {
        return sponsorId;
    }

    public long webinarId() {
        return webinarId;
    }

    /** The fields the sponsor received, as in the ledger ({@code email,name}). */
    public String fields() {
        return fields;
    }

    /** Whom the notice concerns, by what the sponsor received. */
    public String attendee() {
        return attendee;
    }

    public OffsetDateTime withdrawnAt() {
        return withdrawnAt;
    }

    public boolean isAcknowledged() {
        return acknowledgedAt != null;
    }

    public OffsetDateTime acknowledgedAt() {
        return acknowledgedAt;
    }

    @Override
    public String toString() {
        return "RevocationNotice[" + id + ", sponsor " + sponsorId + ", consent " + consentId + "]";
    }
}
