package org.colloquy.privacy;

import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

/** The withdrawal of one consent: added beside it, never written into it (P-CONSENT-1). */
@Entity
@Table(name = "consent_withdrawal")
@NamedQuery(name = "ConsentWithdrawal.withdrawnOf", query = "SELECT w.consentId FROM ConsentWithdrawal w WHERE w.consentId IN :ids")
@NamedQuery(name = "ConsentWithdrawal.countOf", query = "SELECT COUNT(w) FROM ConsentWithdrawal w WHERE w.consentId = :consent")
public class ConsentWithdrawal {

    @Id
    @Column(name = "consent_id")
    private Long consentId;

    @MapsId
    @OneToOne
    @JoinColumn(name = "consent_id")
    private Consent consent;

    @Column(name = "withdrawn_at", nullable = false, updatable = false)
    private OffsetDateTime withdrawnAt;

    @Column(name = "withdrawn_via", length = Consent.VIA_LENGTH, nullable = false, updatable = false)
    private String withdrawnVia;

    protected ConsentWithdrawal() {
        // for JPA
    }

    ConsentWithdrawal(Consent consent, OffsetDateTime withdrawnAt, String withdrawnVia) {
        this.consent = Objects.requireNonNull(consent);
        this.withdrawnAt = Objects.requireNonNull(withdrawnAt);
        this.withdrawnVia = Objects.requireNonNull(withdrawnVia);
    }

    public OffsetDateTime withdrawnAt() {
        return withdrawnAt;
    }

    public String withdrawnVia() {
        return withdrawnVia;
    }

    @Override
    public String toString() {
        return "ConsentWithdrawal[" + consentId + " at " + withdrawnAt + "]";
    }
}
