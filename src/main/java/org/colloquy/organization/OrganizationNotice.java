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
 * (P-CORP-1): the address it was about, when it was given, and from when the organization's
 * administrator may see the member. Never changed; the organization sees the member only while
 * their verified address is still at the domain.
 */
@Entity
@Table(name = "organization_notice")
@NamedQuery(name = "OrganizationNotice.ofMember",
        query = "SELECT n FROM OrganizationNotice n WHERE n.memberId = :member ORDER BY n.noticedAt DESC, n.id DESC")
@NamedQuery(name = "OrganizationNotice.ofDomain",
        query = "SELECT n FROM OrganizationNotice n WHERE n.domainId = :domain ORDER BY n.memberId")
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

    public boolean isInForce(OffsetDateTime now) {
        return !now.isBefore(accessFrom);
    }

    @Override
    public String toString() {
        return "OrganizationNotice[id=" + id + ", member=" + memberId + ", domain=" + domainId + ", from=" + accessFrom + "]";
    }
}
