package org.colloquy.moderation;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * Which categories a moderator moderates, and until when (decision 0040). A moderator without an
 * assignment moderates every category with no end; an assignment narrows them to its categories
 * (unless {@code allCategories}) and, with an end, stops their moderating at that moment on every
 * node, compared with the clock as sanctions are (decision 0028). Administrators are never narrowed.
 */
@Entity
@Table(name = "moderator_assignment")
@NamedQuery(name = "ModeratorAssignment.withEnd", query = "SELECT a FROM ModeratorAssignment a WHERE a.endsAt IS NOT NULL")
public class ModeratorAssignment {

    @Id
    @Column(name = "member_id")
    private long memberId;

    @Column(name = "all_categories", nullable = false)
    private boolean allCategories;

    @Column(name = "ends_at")
    private OffsetDateTime endsAt;

    @Column(name = "assigned_by")
    private Long assignedBy;

    @Column(name = "assigned_at", nullable = false)
    private OffsetDateTime assignedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "moderator_category", joinColumns = @JoinColumn(name = "member_id"))
    @Column(name = "category_id")
    private Set<Long> categories = new HashSet<>();

    protected ModeratorAssignment() {
        // for JPA
    }

    ModeratorAssignment(long memberId) {
        this.memberId = memberId;
    }

    void assign(boolean all, Set<Long> categoryIds, OffsetDateTime ends, long by, OffsetDateTime at) {
        this.allCategories = all;
        this.categories.clear();
        if (!all) {
            this.categories.addAll(categoryIds);
        }
        this.endsAt = ends;
        this.assignedBy = by;
        this.assignedAt = at;
    }

    public long memberId() {
        return memberId;
    }

    public boolean allCategories() {
        return allCategories;
    }

    public Set<Long> categories() {
        return Set.copyOf(categories);
    }

    public OffsetDateTime endsAt() {
        return endsAt;
    }

    /** Whether the term has ended at {@code now}. */
    public boolean endedAt(OffsetDateTime now) {
        return endsAt != null && !endsAt.isAfter(now);
    }

    /** Whether the moderator may act in the category. */
    public boolean covers(long categoryId) {
        return allCategories || categories.contains(categoryId);
    }

    @Override
    public String toString() {
        return "ModeratorAssignment[member=" + memberId + ", all=" + allCategories + ", categories=" + categories + ", ends=" + endsAt + "]";
    }
}
