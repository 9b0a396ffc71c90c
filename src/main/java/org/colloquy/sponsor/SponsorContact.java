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
 * A member who acts for one sponsor in the sponsor portal. Being a contact of one sponsor gives no
 * access to another's: it is a row per sponsor, not a role (decision 0021).
 */
@Entity
@Table(name = "sponsor_contact")
@NamedQuery(name = "SponsorContact.sponsorsOf", query = "SELECT c.sponsorId FROM SponsorContact c WHERE c.memberId = :member")
@NamedQuery(name = "SponsorContact.membersOf", query = "SELECT c.memberId FROM SponsorContact c WHERE c.sponsorId = :sponsor ORDER BY c.memberId")
@NamedQuery(name = "SponsorContact.count",
        query = "SELECT COUNT(c) FROM SponsorContact c WHERE c.sponsorId = :sponsor AND c.memberId = :member")
public class SponsorContact {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "sponsor_id", nullable = false, updatable = false)
    private Long sponsorId;

    @Column(name = "member_id", nullable = false, updatable = false)
    private Long memberId;

    @Column(name = "added_at", nullable = false, updatable = false)
    private OffsetDateTime addedAt;

    protected SponsorContact() {
    }

    SponsorContact(long sponsorId, long memberId, OffsetDateTime now) {
        this.sponsorId = sponsorId;
        this.memberId = memberId;
        this.addedAt = Objects.requireNonNull(now);
    }

    @Override
    public String toString() {
        return "SponsorContact[sponsor " + sponsorId + ", member " + memberId + "]";
    }
}
