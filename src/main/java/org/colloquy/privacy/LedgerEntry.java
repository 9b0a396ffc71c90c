package org.colloquy.privacy;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One disclosure of one member's personal data: to whom, which fields, for what, on which basis and
 * when. Append-only: every column is insert-only, and only {@link DisclosureService} creates entries
 * (its constructor is package-private; {@code ArchitectureTest} keeps it so).
 */
@Entity
@Table(name = "ledger_entry")
@NamedQuery(name = "LedgerEntry.ofMember",
        query = "SELECT e FROM LedgerEntry e WHERE e.memberId = :member ORDER BY e.disclosedAt DESC, e.id DESC")
@NamedQuery(name = "LedgerEntry.countOfMember",
        query = "SELECT COUNT(e) FROM LedgerEntry e WHERE e.memberId = :member")
@NamedQuery(name = "LedgerEntry.endOf",
        query = "SELECT e FROM LedgerEntry e WHERE e.endsEntryId = :entry")
@NamedQuery(name = "LedgerEntry.toRecipient",
        query = "SELECT e FROM LedgerEntry e WHERE e.recipientKey = :recipient ORDER BY e.disclosedAt DESC, e.id DESC")
public class LedgerEntry {

    public static final int RECIPIENT_KEY_LENGTH = 100;
    public static final int RECIPIENT_LABEL_LENGTH = 200;
    public static final int FIELDS_LENGTH = 200;
    public static final int PURPOSE_LENGTH = 300;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "member_id", nullable = false, updatable = false)
    private Long memberId;

    @Column(name = "recipient_kind", length = 20, nullable = false, updatable = false)
    private String recipientKind;

    @Column(name = "recipient_key", length = RECIPIENT_KEY_LENGTH, nullable = false, updatable = false)
    private String recipientKey;

    @Column(name = "recipient_label", length = RECIPIENT_LABEL_LENGTH, nullable = false, updatable = false)
    private String recipientLabel;

    @Column(name = "fields", length = FIELDS_LENGTH, nullable = false, updatable = false)
    private String fields;

    @Column(name = "purpose", length = PURPOSE_LENGTH, nullable = false, updatable = false)
    private String purpose;

    @Column(name = "consent_id", updatable = false)
    private Long consentId;

    @Column(name = "policy_clause", length = 40, updatable = false)
    private String policyClause;

    @Column(name = "disclosed_at", nullable = false, updatable = false)
    private OffsetDateTime disclosedAt;

    @Column(name = "ends_entry_id", updatable = false)
    private Long endsEntryId;

    protected LedgerEntry() {
        // for JPA
    }

    LedgerEntry(long memberId, Disclosure disclosure, Basis basis, OffsetDateTime disclosedAt) {
        this.memberId = memberId;
        this.recipientKind = disclosure.recipient().kind().name();
        this.recipientKey = disclosure.recipient().key();
        this.recipientLabel = disclosure.recipient().label();
        this.fields = String.join(",", disclosure.fields());
        this.purpose = disclosure.purpose();
        if (Objects.requireNonNull(basis) instanceof Basis.Consented consented) {
            this.consentId = consented.consentId();
        } else {
            this.policyClause = ((Basis.Clause) basis).clause().name();
        }
        this.disclosedAt = Objects.requireNonNull(disclosedAt);
    }

    /**
     * The entry that ends the lasting disclosure {@code started} (a testimonial shown with a name):
     * same member, recipient, fields, purpose and basis, written when the showing stops.
     */
    LedgerEntry(LedgerEntry started, OffsetDateTime endedAt) {
        this.memberId = started.memberId;
        this.recipientKind = started.recipientKind;
        this.recipientKey = started.recipientKey;
        this.recipientLabel = started.recipientLabel;
        this.fields = started.fields;
        this.purpose = started.purpose;
        this.consentId = started.consentId;
        this.policyClause = started.policyClause;
        this.disclosedAt = Objects.requireNonNull(endedAt);
        this.endsEntryId = Objects.requireNonNull(started.id, "the started entry has an id");
    }

    /** The id a batched insert generated for this entry ({@link LedgerInserts}); set once. */
    void written(long generatedId) {
        if (id != null) {
            throw new IllegalStateException("Ledger entry " + id + " is already written");
        }
        this.id = generatedId;
    }

    public Long id() {
        return id;
    }

    public long memberId() {
        return memberId;
    }

    public Recipient recipient() {
        return new Recipient(RecipientKind.valueOf(recipientKind), recipientKey, recipientLabel);
    }

    public RecipientKind recipientKind() {
        return RecipientKind.valueOf(recipientKind);
    }

    public String recipientKey() {
        return recipientKey;
    }

    public String recipientLabel() {
        return recipientLabel;
    }

    /** The fields disclosed, in the order the disclosure named them. */
    public Set<String> fields() {
        return new LinkedHashSet<>(Arrays.asList(fields.split(",")));
    }

    public String purpose() {
        return purpose;
    }

    public Basis basis() {
        return consentId != null ? Basis.consent(consentId) : Basis.clause(PolicyClause.valueOf(policyClause));
    }

    /** The consent it rested on, or null for a policy clause. */
    public Long consentId() {
        return consentId;
    }

    /** The policy clause it rested on, or null for a consent. */
    public PolicyClause clause() {
        return policyClause == null ? null : PolicyClause.valueOf(policyClause);
    }

    public OffsetDateTime disclosedAt() {
        return disclosedAt;
    }

    /** For an entry that marks the end of a lasting disclosure, the entry it ends; otherwise null. */
    public Long endsEntryId() {
        return endsEntryId;
    }

    @Override
    public String toString() {
        return "LedgerEntry[" + id + " member " + memberId + " to " + recipientKey + " " + fields + "]";
    }
}
