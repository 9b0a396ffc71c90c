package org.colloquy.workgroup;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * What one participant was told a release will publish about them (P-RELEASE-3): name, email and
 * company exactly as they will appear, and their answer: confirmed, corrected (the corrected name
 * and company replace what was shown) or objected (with a note asking the chair to review).
 */
@Entity
@Table(name = "release_notice")
@IdClass(ReleaseNotice.Key.class)
@NamedQuery(name = "ReleaseNotice.ofRelease", query = "SELECT n FROM ReleaseNotice n WHERE n.releaseId = :release ORDER BY n.name")
@NamedQuery(name = "ReleaseNotice.ofMember", query = "SELECT n FROM ReleaseNotice n WHERE n.memberId = :member ORDER BY n.notifiedAt DESC")
public class ReleaseNotice {

    public enum Response { PENDING, CONFIRMED, CORRECTED, OBJECTED }

    public static final int NAME_LENGTH = 200;
    public static final int ORGANIZATION_LENGTH = 100;
    public static final int OBJECTION_LENGTH = 1000;

    /** The composite key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        Long releaseId;
        Long memberId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.releaseId, releaseId) && Objects.equals(k.memberId, memberId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(releaseId, memberId);
        }
    }

    @Id
    @Column(name = "release_id")
    private Long releaseId;

    @Id
    @Column(name = "member_id")
    private Long memberId;

    @Column(name = "name", length = NAME_LENGTH, nullable = false)
    private String name;

    @Column(name = "email", nullable = false)
    private String email;

    @Column(name = "organization", length = ORGANIZATION_LENGTH)
    private String organization;

    @Enumerated(EnumType.STRING)
    @Column(name = "response", nullable = false)
    private Response response;

    @Column(name = "objection", length = OBJECTION_LENGTH)
    private String objection;

    @Column(name = "notified_at", nullable = false)
    private OffsetDateTime notifiedAt;

    @Column(name = "responded_at")
    private OffsetDateTime respondedAt;

    protected ReleaseNotice() {
    }

    ReleaseNotice(long releaseId, long memberId, String name, String email, String organization, OffsetDateTime at) {
        this.releaseId = releaseId;
        this.memberId = memberId;
        this.name = name;
        this.email = email;
        this.organization = organization;
        this.response = Response.PENDING;
        this.notifiedAt = at;
    }

    void confirm(OffsetDateTime at) {
        this.response = Response.CONFIRMED;
        this.objection = null;
        this.respondedAt = at;
    }

    void correct(String newName, String newOrganization, OffsetDateTime at) {
        this.name = newName;
        this.organization = newOrganization;
        this.response = Response.CORRECTED;
        this.objection = null;
        this.respondedAt = at;
    }

    void object(String note, OffsetDateTime at) {
        this.response = Response.OBJECTED;
        this.objection = note;
        this.respondedAt = at;
    }

    public long releaseId() {
        return releaseId;
    }

    public long memberId() {
        return memberId;
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public String organization() {
        return organization;
    }

    public Response response() {
        return response;
    }

    public String objection() {
        return objection;
    }

    public OffsetDateTime respondedAt() {
        return respondedAt;
    }
}
