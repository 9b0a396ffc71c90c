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
import jakarta.persistence.OneToOne;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.Table;

/**
 * One consent a member gave: for what, to whom and for which fields, the exact wording they saw,
 * and when and where. Written once: every column is insert-only, and a withdrawal is a
 * {@link ConsentWithdrawal} of its own, so the record of what was agreed never changes.
 */
@Entity
@Table(name = "consent")
// "Live" is spelled NOT EXISTS: "c.withdrawal IS NULL" on this inverse one-to-one found no live
// consent at all under EclipseLink 4 (PrivacyServicesIT), so give() never saw its duplicate.
@NamedQuery(name = "Consent.ofMember",
        query = "SELECT c FROM Consent c LEFT JOIN FETCH c.withdrawal WHERE c.memberId = :member ORDER BY c.givenAt DESC, c.id DESC")
@NamedQuery(name = "Consent.liveOf",
        query = "SELECT c FROM Consent c WHERE c.memberId = :member AND c.purpose = :purpose AND c.subjectKey = :subject"
                + " AND NOT EXISTS (SELECT w FROM ConsentWithdrawal w WHERE w.consentId = c.id) ORDER BY c.givenAt DESC, c.id DESC")
@NamedQuery(name = "Consent.liveOfWithoutSubject",
        query = "SELECT c FROM Consent c WHERE c.memberId = :member AND c.purpose = :purpose AND c.subjectKey IS NULL"
                + " AND NOT EXISTS (SELECT w FROM ConsentWithdrawal w WHERE w.consentId = c.id) ORDER BY c.givenAt DESC, c.id DESC")
@NamedQuery(name = "Consent.liveForSubject",
        query = "SELECT c FROM Consent c WHERE c.subjectKey = :subject AND c.memberId IN :members"
                + " AND NOT EXISTS (SELECT w FROM ConsentWithdrawal w WHERE w.consentId = c.id) ORDER BY c.givenAt DESC, c.id DESC")
// The live sharing consents of many members with one recipient, as values (no entity, no withdrawal relation to load).
@NamedQuery(name = "Consent.liveSharingForSubject",
        query = "SELECT c.id, c.memberId, c.fields, c.givenAt FROM Consent c WHERE c.subjectKey = :subject AND c.memberId IN :members"
                + " AND c.purpose IN :purposes"
                + " AND NOT EXISTS (SELECT w FROM ConsentWithdrawal w WHERE w.consentId = c.id) ORDER BY c.givenAt DESC, c.id DESC")
// Taken with PESSIMISTIC_WRITE by DisclosureService: one SELECT ... ORDER BY id FOR UPDATE per chunk.
@NamedQuery(name = "Consent.lockTermsByIds",
        query = "SELECT c.id, c.memberId, c.purpose, c.subjectKey, c.fields FROM Consent c WHERE c.id IN :ids ORDER BY c.id")
@NamedQuery(name = "Consent.byIds", query = "SELECT c FROM Consent c WHERE c.id IN :ids")
public class Consent {

    public static final int SUBJECT_KEY_LENGTH = 100;
    public static final int SUBJECT_LABEL_LENGTH = 200;
    public static final int FIELDS_LENGTH = 200;
    public static final int NOTICE_VERSION_LENGTH = 100;
    public static final int NOTICE_TEXT_LENGTH = 4000;
    public static final int VIA_LENGTH = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "member_id", nullable = false, updatable = false)
    private Long memberId;

    @Column(name = "purpose", length = 40, nullable = false, updatable = false)
    private String purpose;

    @Column(name = "subject_key", length = SUBJECT_KEY_LENGTH, updatable = false)
    private String subjectKey;

    @Column(name = "subject_label", length = SUBJECT_LABEL_LENGTH, updatable = false)
    private String subjectLabel;

    @Column(name = "fields", length = FIELDS_LENGTH, updatable = false)
    private String fields;

    @Column(name = "notice_version", length = NOTICE_VERSION_LENGTH, nullable = false, updatable = false)
    private String noticeVersion;

    @Column(name = "notice_text", length = NOTICE_TEXT_LENGTH, nullable = false, updatable = false)
    private String noticeText;

    @Column(name = "given_at", nullable = false, updatable = false)
    private OffsetDateTime givenAt;

    @Column(name = "given_via", length = VIA_LENGTH, nullable = false, updatable = false)
    private String givenVia;

    @OneToOne(mappedBy = "consent")
    @PrimaryKeyJoinColumn
    private ConsentWithdrawal withdrawal;

    protected Consent() {
        // for JPA
    }

    Consent(long memberId, ConsentRequest request, OffsetDateTime givenAt) {
        this.memberId = memberId;
        this.purpose = request.purpose().name();
        this.subjectKey = request.subjectKey();
        this.subjectLabel = request.subjectLabel();
        this.fields = request.fields().isEmpty() ? null : String.join(",", request.fields());
        this.noticeVersion = Objects.requireNonNull(request.noticeVersion());
        this.noticeText = Objects.requireNonNull(request.noticeText());
        this.givenVia = Objects.requireNonNull(request.via());
        this.givenAt = Objects.requireNonNull(givenAt);
    }

    public Long id() {
        return id;
    }

    public long memberId() {
        return memberId;
    }

    public ConsentPurpose purpose() {
        return ConsentPurpose.valueOf(purpose);
    }

    /** What the consent is about ({@code sponsor:12}), or null for a purpose without a subject. */
    public String subjectKey() {
        return subjectKey;
    }

    /** The subject's name as the member saw it ("Acme Learning"), or null. */
    public String subjectLabel() {
        return subjectLabel;
    }

    /** The personal data fields the consent covers, in the order they were shown; empty when none are named. */
    public Set<String> fields() {
        return fields == null ? Set.of() : new LinkedHashSet<>(Arrays.asList(fields.split(",")));
    }

    public String noticeVersion() {
        return noticeVersion;
    }

    public String noticeText() {
        return noticeText;
    }

    public OffsetDateTime givenAt() {
        return givenAt;
    }

    public String givenVia() {
        return givenVia;
    }

    public boolean isLive() {
        return withdrawal == null;
    }

    /** When it was withdrawn, or null while it is live. */
    public OffsetDateTime withdrawnAt() {
        return withdrawal == null ? null : withdrawal.withdrawnAt();
    }

    public String withdrawnVia() {
        return withdrawal == null ? null : withdrawal.withdrawnVia();
    }

    void withdrawn(ConsentWithdrawal withdrawal) {
        this.withdrawal = withdrawal;
    }

    /** Whether this consent says exactly what the request asks (so giving it again adds nothing). */
    boolean sameAs(ConsentRequest request) {
        return purpose().equals(request.purpose()) && Objects.equals(subjectKey, request.subjectKey())
                && fields().equals(request.fields()) && noticeVersion.equals(request.noticeVersion());
    }

    @Override
    public String toString() {
        return "Consent[" + id + " " + purpose + (subjectKey == null ? "" : " " + subjectKey) + " of " + memberId
                + (withdrawal == null ? "" : " withdrawn") + "]";
    }
}
