package org.colloquy.platform.throttle;

/**
 * How many attempts a bucket allows in a sliding minute and a sliding hour.
 *
 * @param name      what is limited, for the log and configuration ({@code colloquy.throttle.<name>.per-minute})
 * @param perMinute attempts allowed in any 60 seconds
 * @param perHour   attempts allowed in any 60 minutes
 */
public record Limit(String name, int perMinute, int perHour) {

    public Limit {
        if (perMinute < 1 || perHour < perMinute) {
            throw new IllegalArgumentException("Limit " + name + ": need 1 <= per-minute <= per-hour, got "
                    + perMinute + " and " + perHour);
        }
    }
}
