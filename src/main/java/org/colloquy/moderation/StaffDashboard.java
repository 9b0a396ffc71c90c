package org.colloquy.moderation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The moderators' dashboard for a period (decision 0040): per moderator, the review items they
 * decided, the flags those items held, the staff-log entries they wrote and the median time from
 * an item entering the queue (flag, hold or appeal) to its decision; and the open queue's size and
 * its oldest item's age. The median is taken in Java over the decisions read for the period, at
 * most {@link #MAX_DECISIONS} (the newest), so that one portable query serves H2 and PostgreSQL.
 */
public record StaffDashboard(int days, List<Row> rows, long openItems, Duration oldestOpen, boolean truncated) {

    /** The periods offered, in days. */
    public static final List<Integer> PERIODS = List.of(7, 30, 90);

    /** The most decisions read for one dashboard. */
    public static final int MAX_DECISIONS = 5000;

    /** One moderator's line; {@code medianToDecision} is null when they decided nothing in the period. */
    public record Row(long moderatorId, String username, long decided, long flagsHandled, long actions, Duration medianToDecision) {
    }

    public StaffDashboard {
        rows = List.copyOf(rows);
    }

    /**
     * The median of the durations: the middle one, or the mean of the two middle ones; null for none.
     */
    public static Duration median(List<Duration> durations) {
        List<Duration> sorted = new ArrayList<>(Objects.requireNonNull(durations));
        if (sorted.isEmpty()) {
            return null;
        }
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    }

    /** A duration as people read it on the dashboard: "3 d 4 h", "2 h 5 min", "40 min", "under a minute". */
    public static String readable(Duration duration) {
        if (duration == null) {
            return "–";
        }
        long minutes = duration.toMinutes();
        if (minutes < 1) {
            return "< 1 min";
        }
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long rest = minutes % 60;
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        return hours > 0 ? hours + " h " + rest + " min" : rest + " min";
    }
}
