package org.colloquy.event;

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
 * One member's registration for one webinar. Cancelling keeps the row (marked) and registering
 * again reopens it. What the member shares with each sponsor is not here but in their consents.
 * The registration is also one entry in the member's calendar ({@link WebinarCalendar}, one UID per
 * registration): {@link #calendarSequence()} grows with each file that revises the entry after the
 * first, so a client replaces or removes what it has.
 */
@Entity
@Table(name = "webinar_registration")
@NamedQuery(name = "WebinarRegistration.of",
        query = "SELECT r FROM WebinarRegistration r WHERE r.webinarId = :webinar AND r.memberId = :member")
@NamedQuery(name = "WebinarRegistration.countActive",
        query = "SELECT COUNT(r) FROM WebinarRegistration r WHERE r.webinarId = :webinar AND r.cancelledAt IS NULL")
@NamedQuery(name = "WebinarRegistration.activePage",
        query = "SELECT r FROM WebinarRegistration r WHERE r.webinarId = :webinar AND r.cancelledAt IS NULL AND r.id > :after ORDER BY r.id")
@NamedQuery(name = "WebinarRegistration.activeByDate",
        query = "SELECT r FROM WebinarRegistration r WHERE r.webinarId = :webinar AND r.cancelledAt IS NULL ORDER BY r.registeredAt, r.id")
@NamedQuery(name = "WebinarRegistration.activeOfMember",
        query = "SELECT r FROM WebinarRegistration r WHERE r.memberId = :member AND r.cancelledAt IS NULL ORDER BY r.registeredAt DESC")
public class WebinarRegistration {

    public static final int JOB_TITLE_LENGTH = 100;
    public static final int ORGANIZATION_LENGTH = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "webinar_id", nullable = false, updatable = false)
    private Long webinarId;

    @Column(name = "member_id", nullable = false, updatable = false)
    private Long memberId;

    @Column(name = "job_title", length = JOB_TITLE_LENGTH)
    private String jobTitle;

    @Column(name = "organization", length = ORGANIZATION_LENGTH)
    private String organization;

    @Column(name = "registered_at", nullable = false)
    private OffsetDateTime registeredAt;

    @Column(name = "cancelled_at")
    private OffsetDateTime cancelledAt;

    @Column(name = "attended", nullable = false)
    private boolean attended;

    @Column(name = "calendar_sequence", nullable = false)
    private int calendarSequence;

    protected WebinarRegistration() {
    }

    WebinarRegistration(long webinarId, long memberId, OffsetDateTime now) {
        this.webinarId = webinarId;
        this.memberId = memberId;
        this.registeredAt = Objects.requireNonNull(now);
    }

    void details(String jobTitle, String organization) {
        this.jobTitle = blankToNull(jobTitle);
        this.organization = blankToNull(organization);
    }

    /** Registering again: the same calendar entry, invited anew after its cancellation, so a revision of it. */
    void reopen(OffsetDateTime now) {
        cancelledAt = null;
        registeredAt = now;
        calendarSequence++;
    }

    /** The calendar entry is revised (changed or cancelled): the next file carries a higher SEQUENCE. */
    void reviseCalendar() {
        calendarSequence++;
    }

    void cancel(OffsetDateTime now) {
        cancelledAt = now;
    }

    void attended(boolean value) {
        attended = value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public Long id() {
        return id;
    }

    public long webinarId() {
        return webinarId;
    }

    public long memberId() {
        return memberId;
    }

    public String jobTitle() {
        return jobTitle;
    }

    public String organization() {
        return organization;
    }

    public OffsetDateTime registeredAt() {
        return registeredAt;
    }

    public boolean isActive() {
        return cancelledAt == null;
    }

    public boolean attended() {
        return attended;
    }

    /** The SEQUENCE of the newest calendar file for this registration: 0 for the first invitation. */
    public int calendarSequence() {
        return calendarSequence;
    }

    @Override
    public String toString() {
        return "WebinarRegistration[" + id + ", webinar " + webinarId + ", member " + memberId + "]";
    }
}
