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

/** An organization that sponsors webinars: its name, a short description and a logo, shown on event pages. */
@Entity
@Table(name = "sponsor")
@NamedQuery(name = "Sponsor.all", query = "SELECT s FROM Sponsor s ORDER BY s.name, s.id")
@NamedQuery(name = "Sponsor.byIds", query = "SELECT s FROM Sponsor s WHERE s.id IN :ids")
public class Sponsor {

    public static final int NAME_LENGTH = 200;
    public static final int DESCRIPTION_LENGTH = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "name", length = NAME_LENGTH, nullable = false)
    private String name;

    @Column(name = "description", length = DESCRIPTION_LENGTH, nullable = false)
    private String description;

    /** Changes with every new logo ({@link SponsorLogo}); empty while the sponsor has none. */
    @Column(name = "logo_version")
    private Long logoVersion;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected Sponsor() {
    }

    Sponsor(String name, String description, OffsetDateTime now) {
        this.createdAt = Objects.requireNonNull(now);
        change(name, description);
    }

    void change(String name, String description) {
        this.name = Objects.requireNonNull(name).strip();
        this.description = description == null ? "" : description.strip();
    }

    /** Records that the logo changed, so its address changes and no cache shows the old one. */
    void logoChanged() {
        logoVersion = logoVersion == null ? 1 : logoVersion + 1;
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

    public Long logoVersion() {
        return logoVersion;
    }

    @Override
    public String toString() {
        return "Sponsor[" + id + ", " + name + "]";
    }
}
