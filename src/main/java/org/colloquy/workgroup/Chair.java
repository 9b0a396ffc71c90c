package org.colloquy.workgroup;

import java.io.Serializable;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A chair of a workgroup, appointed by an administrator. */
@Entity
@Table(name = "workgroup_chair")
@IdClass(Chair.Key.class)
@NamedQuery(name = "Chair.ofGroup", query = "SELECT c FROM Chair c WHERE c.workgroupId = :group ORDER BY c.appointedAt")
@NamedQuery(name = "Chair.count", query = "SELECT COUNT(c) FROM Chair c WHERE c.workgroupId = :group AND c.memberId = :member")
@NamedQuery(name = "Chair.groupsOf", query = "SELECT c.workgroupId FROM Chair c WHERE c.memberId = :member")
public class Chair {

    /** The composite key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        Long workgroupId;
        Long memberId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(k.workgroupId, workgroupId) && java.util.Objects.equals(k.memberId, memberId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(workgroupId, memberId);
        }
    }

    @Id
    @Column(name = "workgroup_id")
    private Long workgroupId;

    @Id
    @Column(name = "member_id")
    private Long memberId;

    @Column(name = "appointed_at", nullable = false)
    private OffsetDateTime appointedAt;

    @Column(name = "appointed_by")
    private Long appointedBy;

    protected Chair() {
    }

    Chair(long workgroupId, long memberId, OffsetDateTime at, long by) {
        this.workgroupId = workgroupId;
        this.memberId = memberId;
        this.appointedAt = at;
        this.appointedBy = by;
    }

    public long memberId() {
        return memberId;
    }

    public long workgroupId() {
        return workgroupId;
    }
}
