package org.colloquy.workgroup;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A workgroup: a name and what it works on. Chairs and participants are rows of their own. */
@Entity
@Table(name = "workgroup")
@NamedQuery(name = "Workgroup.all", query = "SELECT w FROM Workgroup w ORDER BY w.name")
@NamedQuery(name = "Workgroup.countByName", query = "SELECT COUNT(w) FROM Workgroup w WHERE LOWER(w.name) = :name")
public class Workgroup {

    public static final int NAME_LENGTH = 100;
    public static final int DESCRIPTION_LENGTH = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "name", length = NAME_LENGTH, nullable = false)
    private String name;

    @Column(name = "description", length = DESCRIPTION_LENGTH, nullable = false)
    private String description;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected Workgroup() {
    }

    Workgroup(String name, String description, OffsetDateTime now) {
        this.name = name;
        this.description = description;
        this.createdAt = now;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    /** The address slug of the group's private discussion area, {@code /c/{slug}} (V36). */
    public String forumSlug() {
        return "workgroup-" + id;
    }

    /** The key of this group as a recipient, a consent subject and its discussion area's forum audience. */
    public String key() {
        return "workgroup:" + id;
    }
}
