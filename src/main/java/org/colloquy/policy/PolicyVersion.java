package org.colloquy.policy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One published version of a policy document (P-POLICY-1): its number, the Markdown text and its
 * digest, the "Updated" date (publication), the day it takes effect, the summary of key changes,
 * whether the change is material, and who published it. Written once: no column is ever updated,
 * so what a member accepted can always be read again at {@code /privacy/v/n}.
 */
@Entity
@Table(name = "policy_version")
@NamedQuery(name = "PolicyVersion.ofKind",
        query = "SELECT v FROM PolicyVersion v WHERE v.kind = :kind ORDER BY v.number DESC")
@NamedQuery(name = "PolicyVersion.byNumber",
        query = "SELECT v FROM PolicyVersion v WHERE v.kind = :kind AND v.number = :number")
@NamedQuery(name = "PolicyVersion.inEffect",
        query = "SELECT v FROM PolicyVersion v WHERE v.kind = :kind AND v.effectiveOn <= :today ORDER BY v.number DESC")
@NamedQuery(name = "PolicyVersion.materialInEffect",
        query = "SELECT v FROM PolicyVersion v WHERE v.material = TRUE AND v.effectiveOn <= :today ORDER BY v.kind, v.number DESC")
@NamedQuery(name = "PolicyVersion.materialAnnounced",
        query = "SELECT v FROM PolicyVersion v WHERE v.material = TRUE AND v.effectiveOn >= :today ORDER BY v.effectiveOn, v.kind")
public class PolicyVersion {

    public static final int BODY_LENGTH = 100_000;
    public static final int SUMMARY_LENGTH = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 20, nullable = false, updatable = false)
    private PolicyKind kind;

    @Column(name = "version_number", nullable = false, updatable = false)
    private int number;

    @Column(name = "body_markdown", nullable = false, updatable = false)
    private String bodyMarkdown;

    @Column(name = "body_sha256", length = 64, nullable = false, updatable = false)
    private String bodySha256;

    @Column(name = "summary", length = SUMMARY_LENGTH, updatable = false)
    private String summary;

    @Column(name = "material", nullable = false, updatable = false)
    private boolean material;

    @Column(name = "published_at", nullable = false, updatable = false)
    private OffsetDateTime publishedAt;

    @Column(name = "effective_on", nullable = false, updatable = false)
    private LocalDate effectiveOn;

    @Column(name = "published_by", updatable = false)
    private Long publishedBy;

    protected PolicyVersion() {
        // for JPA
    }

    PolicyVersion(PolicyKind kind, int number, PolicyDraft draft, String bodySha256, OffsetDateTime publishedAt, Long publishedBy) {
        this.kind = Objects.requireNonNull(kind);
        this.number = number;
        this.bodyMarkdown = Objects.requireNonNull(draft.bodyMarkdown());
        this.bodySha256 = Objects.requireNonNull(bodySha256);
        this.summary = draft.summary() == null || draft.summary().isBlank() ? null : draft.summary().strip();
        this.material = draft.material();
        this.effectiveOn = Objects.requireNonNull(draft.effectiveOn());
        this.publishedAt = Objects.requireNonNull(publishedAt);
        this.publishedBy = publishedBy;
    }

    public Long id() {
        return id;
    }

    public PolicyKind kind() {
        return kind;
    }

    public int number() {
        return number;
    }

    public String bodyMarkdown() {
        return bodyMarkdown;
    }

    /** SHA-256 of the Markdown text, in hex: what an acceptance names besides the number. */
    public String bodySha256() {
        return bodySha256;
    }

    /** The summary of key changes, or null (only a first version may have none). */
    public String summary() {
        return summary;
    }

    public boolean isMaterial() {
        return material;
    }

    /** When it was published: the "Updated" date. */
    public OffsetDateTime publishedAt() {
        return publishedAt;
    }

    public LocalDate effectiveOn() {
        return effectiveOn;
    }

    /** The member who published it, or null for the system. */
    public Long publishedBy() {
        return publishedBy;
    }

    public boolean isInEffectOn(LocalDate day) {
        return !effectiveOn.isAfter(day);
    }

    @Override
    public String toString() {
        return "PolicyVersion[" + kind + " " + number + (material ? " material" : "") + " from " + effectiveOn + "]";
    }
}
