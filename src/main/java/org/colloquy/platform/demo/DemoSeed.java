package org.colloquy.platform.demo;

import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** The record that one {@link DemoContent} contribution has been seeded. */
@Entity
@Table(name = "demo_seed")
@NamedQuery(name = "DemoSeed.findAllNames", query = "SELECT s.name FROM DemoSeed s ORDER BY s.name")
public class DemoSeed {

    public static final int NAME_LENGTH = 100;

    @Id
    @Column(name = "name", length = NAME_LENGTH, nullable = false)
    private String name;

    @Column(name = "seeded_at", nullable = false)
    private OffsetDateTime seededAt;

    protected DemoSeed() {
        // for JPA
    }

    DemoSeed(String name, OffsetDateTime seededAt) {
        this.name = Objects.requireNonNull(name);
        this.seededAt = Objects.requireNonNull(seededAt);
    }

    public String name() {
        return name;
    }

    public OffsetDateTime seededAt() {
        return seededAt;
    }

    @Override
    public String toString() {
        return "DemoSeed[" + name + " at " + seededAt + "]";
    }
}
