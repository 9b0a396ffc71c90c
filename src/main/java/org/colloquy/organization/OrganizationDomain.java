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
 * An organization's claim of an email domain. It is pending until verified, either by the
 * single-use link mailed to an address at the domain (only the token's SHA-256 is kept) or
 * directly by a site administrator. A domain is claimed by one organization at most.
 */
@Entity
@Table(name = "organization_domain")
@NamedQuery(name = "OrganizationDomain.ofOrganization",
        query = "SELECT d FROM OrganizationDomain d WHERE d.organizationId = :organization ORDER BY d.domain")
@NamedQuery(name = "OrganizationDomain.byDomain", query = "SELECT d FROM OrganizationDomain d WHERE d.domain = :domain")
@NamedQuery(name = "OrganizationDomain.byToken", query = "SELECT d FROM OrganizationDomain d WHERE d.tokenHash = :hash")
public class OrganizationDomain {

    public static final int DOMAIN_LENGTH = 253;
    public static final int ADDRESS_LENGTH = 254;

    /** How a claim was verified. */
    public enum How { MAILED_LINK, ADMINISTRATOR }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "organization_id", nullable = false)
    private Long organizationId;

    @Column(name = "domain", length = DOMAIN_LENGTH, nullable = false)
    private String domain;

    @Column(name = "claimed_at", nullable = false)
    private OffsetDateTime claimedAt;

    @Column(name = "check_address", length = ADDRESS_LENGTH)
    private String checkAddress;

    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "token_expires_at")
    private OffsetDateTime tokenExpiresAt;

    @Column(name = "verified_at")
    private OffsetDateTime verifiedAt;

    @Column(name = "verified_by")
    private Long verifiedBy;

    @Column(name = "verified_how", length = 20)
    private String verifiedHow;

    protected OrganizationDomain() {
        // for JPA
    }

    OrganizationDomain(long organizationId, String domain, OffsetDateTime claimedAt) {
        this.organizationId = organizationId;
        this.domain = Objects.requireNonNull(domain);
        this.claimedAt = Objects.requireNonNull(claimedAt);
    }

    /** A new link mailed to {@code address}; any earlier link stops working. */
    void mailLink(String address, String hash, OffsetDateTime expiresAt) {
        this.checkAddress = address;
        this.tokenHash = hash;
        this.tokenExpiresAt = expiresAt;
    }

    boolean isLinkUsable(OffsetDateTime now) {
        return verifiedAt == null && tokenHash != null && tokenExpiresAt != null && now.isBefore(tokenExpiresAt);
    }

    void verified(OffsetDateTime at, Long by, How how) {
        this.verifiedAt = Objects.requireNonNull(at);
        this.verifiedBy = by;
        this.verifiedHow = how.name();
        this.tokenHash = null;
        this.tokenExpiresAt = null;
    }

    public Long id() {
        return id;
    }

    public long organizationId() {
        return organizationId;
    }

    public String domain() {
        return domain;
    }

    public OffsetDateTime claimedAt() {
        return claimedAt;
    }

    public String checkAddress() {
        return checkAddress;
    }

    public OffsetDateTime verifiedAt() {
        return verifiedAt;
    }

    public boolean isVerified() {
        return verifiedAt != null;
    }

    public String verifiedHow() {
        return verifiedHow;
    }

    @Override
    public String toString() {
        return "OrganizationDomain[id=" + id + ", domain=" + domain + ", verified=" + (verifiedAt != null) + "]";
    }
}
