package org.colloquy.platform.throttle;

import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** One counted attempt in a throttle bucket, such as a failed sign-in for one account. */
@Entity
@Table(name = "throttle_event")
@NamedQuery(name = "ThrottleEvent.since",
        query = "SELECT e.occurredAt FROM ThrottleEvent e WHERE e.bucket = :bucket AND e.occurredAt > :since ORDER BY e.occurredAt")
@NamedQuery(name = "ThrottleEvent.deleteBefore", query = "DELETE FROM ThrottleEvent e WHERE e.occurredAt < :before")
public class ThrottleEvent {

    public static final int BUCKET_LENGTH = 300;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "bucket", length = BUCKET_LENGTH, nullable = false)
    private String bucket;

    @Column(name = "occurred_at", nullable = false)
    private OffsetDateTime occurredAt;

    protected ThrottleEvent() {
        // for JPA
    }

    ThrottleEvent(String bucket, OffsetDateTime occurredAt) {
        this.bucket = Objects.requireNonNull(bucket);
        this.occurredAt = Objects.requireNonNull(occurredAt);
    }

    @Override
    public String toString() {
        return "ThrottleEvent[" + bucket + " at " + occurredAt + "]";
    }
}
