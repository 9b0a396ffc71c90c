package org.colloquy.platform.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The retry schedule of a mail that keeps failing: 30 s, 1, 2, 4, 8, 16, 32 min, then hourly. */
class RetryBackoffTest {

    @Test
    void theWaitDoublesFromThirtySecondsAfterEachFailure() {
        assertEquals(Duration.ofSeconds(30), RetryBackoff.after(1));
        assertEquals(Duration.ofMinutes(1), RetryBackoff.after(2));
        assertEquals(Duration.ofMinutes(2), RetryBackoff.after(3));
        assertEquals(Duration.ofMinutes(4), RetryBackoff.after(4));
        assertEquals(Duration.ofMinutes(32), RetryBackoff.after(7));
    }

    @Test
    void theWaitNeverExceedsAnHourHoweverOftenItFailed() {
        assertEquals(Duration.ofHours(1), RetryBackoff.after(8), "30 s × 2^7 = 64 min is capped");
        assertEquals(Duration.ofHours(1), RetryBackoff.after(100));
        assertEquals(Duration.ofHours(1), RetryBackoff.after(Integer.MAX_VALUE), "no overflow for absurd counts");
    }

    @Test
    void thereIsNoBackOffBeforeAFailure() {
        assertThrows(IllegalArgumentException.class, () -> RetryBackoff.after(0));
    }
}
