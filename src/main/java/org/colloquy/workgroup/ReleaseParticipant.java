package org.colloquy.workgroup;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** One line of a released document's participant list, frozen at the release (P-RELEASE-1). */
@Entity
@Table(name = "release_participant")
@IdClass(ReleaseParticipant.Key.class)
@NamedQuery(name = "ReleaseParticipant.ofRelease", query = "SELECT p FROM ReleaseParticipant p WHERE p.releaseId = :release ORDER BY p.position")
public class ReleaseParticipant {

    /** The composite key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        Long releaseId;
        Integer position;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.releaseId, releaseId) && Objects.equals(k.position, position);
        }

        @Override
        public int hashCode() {
            return Objects.hash(releaseId, position);
        }
    }

    @Id
    @Column(name = "release_id")
    private Long releaseId;

    @Id
    @Column(name = "position")
    private Integer position;

    @Column(name = "member_id")
    private Long memberId;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "email", nullable = false)
    private String email;

    @Column(name = "organization")
    private String organization;

    protected ReleaseParticipant() {
    }

    ReleaseParticipant(long releaseId, int position, long memberId, String name, String email, String organization) {
        this.releaseId = releaseId;
        this.position = position;
        this.memberId = memberId;
        this.name = name;
        this.email = email;
        this.organization = organization;
    }

    public Long memberId() {
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
}
