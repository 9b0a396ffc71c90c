package org.colloquy.event;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

/**
 * A webinar as an event manager set it up: when (stored as instants, shown in its own time zone),
 * how many may register and until when, the join link registrants see, and the sponsors by id
 * (the sponsor context owns them). A cancelled webinar stays, marked, so its registrants can read why.
 */
@Entity
@Table(name = "webinar")
@NamedQuery(name = "Webinar.upcoming", query = "SELECT w FROM Webinar w WHERE w.endsAt >= :now ORDER BY w.startsAt, w.id")
@NamedQuery(name = "Webinar.past", query = "SELECT w FROM Webinar w WHERE w.endsAt < :now ORDER BY w.startsAt DESC, w.id DESC")
@NamedQuery(name = "Webinar.sponsoredBy",
        query = "SELECT w FROM Webinar w WHERE :sponsor MEMBER OF w.sponsorIds ORDER BY w.startsAt DESC, w.id DESC")
public class Webinar {

    public static final int TITLE_LENGTH = 200;
    public static final int DESCRIPTION_LENGTH = 20000;
    public static final int TIME_ZONE_LENGTH = 60;
    public static final int JOIN_LINK_LENGTH = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "title", length = TITLE_LENGTH, nullable = false)
    private String title;

    @Column(name = "description", nullable = false)
    private String description;

    @Column(name = "starts_at", nullable = false)
    private OffsetDateTime startsAt;

    @Column(name = "ends_at", nullable = false)
    private OffsetDateTime endsAt;

    @Column(name = "time_zone", length = TIME_ZONE_LENGTH, nullable = false)
    private String timeZone;

    @Column(name = "capacity")
    private Integer capacity;

    @Column(name = "registration_deadline")
    private OffsetDateTime registrationDeadline;

    @Column(name = "join_link", length = JOIN_LINK_LENGTH)
    private String joinLink;

    @Column(name = "cancelled_at")
    private OffsetDateTime cancelledAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "webinar_sponsor", joinColumns = @JoinColumn(name = "webinar_id"))
    @Column(name = "sponsor_id")
    private List<Long> sponsorIds = new ArrayList<>();

    protected Webinar() {
    }

    Webinar(WebinarDraft draft, OffsetDateTime now) {
        this.createdAt = Objects.requireNonNull(now);
        apply(draft);
    }

    void apply(WebinarDraft draft) {
        ZoneId zone = ZoneId.of(draft.timeZone());
        this.title = draft.title().strip();
        this.description = draft.description() == null ? "" : draft.description();
        this.timeZone = zone.getId();
        this.startsAt = draft.start().atZone(zone).toOffsetDateTime();
        this.endsAt = draft.end().atZone(zone).toOffsetDateTime();
        this.capacity = draft.capacity();
        this.registrationDeadline = draft.registrationDeadline() == null ? null
                : draft.registrationDeadline().atZone(zone).toOffsetDateTime();
        this.joinLink = draft.joinLink() == null || draft.joinLink().isBlank() ? null : draft.joinLink().strip();
        this.sponsorIds.clear();
        this.sponsorIds.addAll(draft.sponsorIds());
    }

    void cancel(OffsetDateTime now) {
        if (cancelledAt == null) {
            cancelledAt = now;
        }
    }

    public Long id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public OffsetDateTime startsAt() {
        return startsAt;
    }

    public OffsetDateTime endsAt() {
        return endsAt;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public Integer capacity() {
        return capacity;
    }

    /** The last moment to register: the deadline set, or else the start. */
    public OffsetDateTime registrationClosesAt() {
        return registrationDeadline != null ? registrationDeadline : startsAt;
    }

    public OffsetDateTime registrationDeadline() {
        return registrationDeadline;
    }

    public String joinLink() {
        return joinLink;
    }

    public boolean isCancelled() {
        return cancelledAt != null;
    }

    public List<Long> sponsorIds() {
        return List.copyOf(sponsorIds);
    }

    @Override
    public String toString() {
        return "Webinar[" + id + ", " + title + "]";
    }
}
