package org.colloquy.platform.throttle;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Counts attempts per bucket (an IP address, an account) in the database, so that every node of a
 * cluster sees the same counts and a restart forgets nothing. A bucket is full when it holds
 * {@link Limit#perMinute()} attempts in the last minute or {@link Limit#perHour()} in the last hour;
 * the caller is then told how long until the oldest of those attempts leaves the window.
 * An attempt counts in a transaction of its own, so that it counts even when the caller's work
 * is rolled back (a wrong password is refused by rolling back, and must still count).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Throttle {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration HOUR = Duration.ofHours(1);

    @PersistenceContext
    private EntityManager em;

    /** @return how long to wait when the bucket is full, empty when another attempt is allowed now */
    public Optional<Duration> retryAfter(String bucket, Limit limit) {
        OffsetDateTime now = now();
        List<OffsetDateTime> lastHour = em.createNamedQuery("ThrottleEvent.since", OffsetDateTime.class)
                .setParameter("bucket", bucket)
                .setParameter("since", now.minus(HOUR))
                .getResultList();
        List<OffsetDateTime> lastMinute = lastHour.stream().filter(at -> at.isAfter(now.minus(MINUTE))).toList();
        Duration wait = Duration.ZERO;
        if (lastMinute.size() >= limit.perMinute()) {
            wait = max(wait, waitFor(lastMinute, lastMinute.size() - limit.perMinute(), MINUTE, now));
        }
        if (lastHour.size() >= limit.perHour()) {
            wait = max(wait, waitFor(lastHour, lastHour.size() - limit.perHour(), HOUR, now));
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /** Throws when the bucket is full; otherwise counts this attempt. */
    public void attempt(String bucket, Limit limit) {
        Optional<Duration> wait = retryAfter(bucket, limit);
        if (wait.isPresent()) {
            throw new TooManyAttemptsException(wait.get());
        }
        record(bucket);
    }

    public void record(String bucket) {
        em.persist(new ThrottleEvent(bucket, now()));
    }

    /** Attempts older than the longest window count for nothing; deleting them twice is harmless. */
    @Schedule(minute = "*/10", hour = "*", persistent = false)
    void forgetOldAttempts() {
        em.createNamedQuery("ThrottleEvent.deleteBefore").setParameter("before", now().minus(HOUR)).executeUpdate();
    }

    /** The attempt at {@code index} (oldest first) must leave the window before one more fits. */
    private static Duration waitFor(List<OffsetDateTime> attempts, int index, Duration window, OffsetDateTime now) {
        Duration wait = Duration.between(now, attempts.get(index).plus(window));
        return wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait.plusSeconds(1).withNanos(0);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
