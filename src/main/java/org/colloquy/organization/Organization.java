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
 * An organization that joins as a member (P-CORP-1): a name and its administrator, a member account
 * named by a site administrator. Its domains are {@link OrganizationDomain} rows.
 */
@Entity
@Table(name = "organization")
@NamedQuery(name = "Organization.all", query = "SELECT o FROM Organization o ORDER BY o.name")
@NamedQuery(name = "Organization.ofAdmin", query = "SELECT o FROM Organization o WHERE o.adminMemberId = :member ORDER BY o.name")
@NamedQuery(name = "Organization.countByName", query = "SELECT COUNT(o) FROM Organization o WHERE LOWER(o.name) = :name")
public class Organization {

    public static final int NAME_LENGTH = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "name", length = NAME_LENGTH, nullable = false)
    private String name;

    @Column(name = "admin_member_id", nullable = false)
    private Long adminMemberId;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "created_by")
    private Long createdBy;

    protected Organization() {
        // for JPA
    }

    Organization(String name, long adminMemberId, OffsetDateTime createdAt, Long createdBy) {
        this.name = Objects.requireNonNull(name);
        this.adminMemberId = adminMemberId;
        this.createdAt = Objects.requireNonNull(createdAt);
        this.createdBy = createdBy;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public long adminMemberId() {
        return adminMemberId;
    }

    /** A site administrator named another member account as the administrator; the former one loses access at once. */
    void changeAdministrator(long memberId) {
        this.adminMemberId = memberId;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    /** The stable key the disclosure ledger knows this organization by. */
    public String recipientKey() {
        return "organization:" + id;
    }

    @Override
    public String toString() {
        return "Organization[id=" + id + ", name=" + name + "]";
    }
}
