package org.colloquy.organization;

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
 * The prior notice a member got when an organization's claim of their email domain was verified
 * (P-CORP-1), or when their verified address came to a domain already claimed: the address it was
 * about, when it was given, and from when the organization's administrator may see the member. It
 * ends when the member's verified address leaves the domain; a return renews it, with a new notice
 * period counted from the return. The organization sees the member only while it is in force.
 */
@Entity
@Table(name = "organization_notice")
@NamedQuery(name = "OrganizationNotice.ofMember",
        query = "SELECT n FROM OrganizationNotice n WHERE n.memberId = :member ORDER BY n.noticedAt DESC, n.id DESC")
@NamedQuery(name = "OrganizationNotice.ofDomain",
        query = "SELECT n FROM OrganizationNotice n WHERE n.domainId = :domain ORDER BY n.memberId")
@NamedQuery(name = "OrganizationNotice.ofMemberAndDomain",
        query = "SELECT n FROM OrganizationNotice n WHERE n.memberId = :member AND n.domainId = :domain")
@NamedQuery(name = "OrganizationNotice.currentOfMember",
        query = "SELECT n FROM OrganizationNotice n WHERE n.memberId = :member AND n.endedAt IS NULL")
@NamedQuery(name = "OrganizationNotice.shown", query = "SELECT n FROM OrganizationNotice n WHERE n.organizationId = :organization"
        + " AND n.endedAt IS NULL AND n.accessFrom <= :now ORDER BY n.memberId, n.id")
@NamedQuery(name = "OrganizationNotice.countShown", query = "SELECT COUNT(n) FROM OrganizationNotice n"
        + " WHERE n.organizationId = :organization AND n.endedAt IS NULL AND n.accessFrom <= :now")
@NamedQuery(name = "OrganizationNotice.countWaiting", query = "SELECT COUNT(n) FROM OrganizationNotice n"
        + " WHERE n.organizationId = :organization AND n.endedAt IS NULL AND n.accessFrom > :now")
@NamedQuery(name = "OrganizationNotice.waiting", query = "SELECT n FROM OrganizationNotice n"
        + " WHERE n.organizationId = :organization AND n.endedAt IS NULL AND n.accessFrom > :now ORDER BY n.accessFrom, n.id")
public class OrganizationNotice {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "domain_id", nullable = false)
    private Long domainId;

    @Column(name = "organization_id", nullable = false)
    private Long organizationId;

    @Column(name = "member_id", nullable = false)
    private Long memberId;

    @Column(name = "email", length = OrganizationDomain.ADDRESS_LENGTH, nullable = false)
    private String email;

    @Column(name = "noticed_at", nullable = false)
    private OffsetDateTime noticedAt;

    @Column(name = "access_from", nullable = false)
    private OffsetDateTime accessFrom;

    @Column(name = "ended_at")
    private OffsetDateTime endedAt;

    protected OrganizationNotice() {
        // for JPA
    }

    OrganizationNotice(OrganizationDomain domain, long memberId, String email, OffsetDateTime noticedAt, OffsetDateTime accessFrom) {
        this.domainId = domain.id();
        this.organizationId = domain.organizationId();
        this.memberId = memberId;
        this.email = Objects.requireNonNull(email);
        this.noticedAt = Objects.requireNonNull(noticedAt);
        this.accessFrom = Objects.requireNonNull(accessFrom);
    }

    public Long id() {
        return id;
    }

    public long domainId() {
        return domainId;
    }

    public long organizationId() {
        return organizationId;
    }

    public long memberId() {
        return memberId;
    }

    public String email() {
        return email;
    }

    public OffsetDateTime noticedAt() {
        return noticedAt;
    }

    public OffsetDateTime accessFrom() {
        return accessFrom;
    }

    /** When the member's address left the domain, or null while it is there. */
    public OffsetDateTime endedAt() {
        return endedAt;
    }

    public boolean isInForce(OffsetDateTime now) {
        return endedAt == null && !now.isBefore(accessFrom);
    }

    /** The member's verified address left the domain: the organization stops seeing them. */
    void end(OffsetDateTime at) {
        if (endedAt == null) {
            endedAt = Objects.requireNonNull(at);
        }
    }

    /** The member's verified address came (back) to the domain: told again, and a new notice period. */
    void renew(String address, OffsetDateTime noticed, OffsetDateTime from) {
        this.email = Objects.requireNonNull(address);
        this.noticedAt = Objects.requireNonNull(noticed);
        this.accessFrom = Objects.requireNonNull(from);
        this.endedAt = null;
    }

    @Override
    public String toString() {
        return "OrganizationNotice[id=" + id + ", member=" + memberId + ", domain=" + domainId + ", from=" + accessFrom + "]";
    }
}
