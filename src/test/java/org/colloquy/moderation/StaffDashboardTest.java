package org.colloquy.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The dashboard's median and durations as moderators read them (P-FORUM-3). */
class StaffDashboardTest {

    @Test
    void theMedianOfAnOddCountIsTheMiddleOneWhateverTheOrder_P_FORUM_3() {
        assertEquals(Duration.ofMinutes(30), StaffDashboard.median(List.of(Duration.ofHours(5), Duration.ofMinutes(30), Duration.ofMinutes(1))));
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheTwoMiddleOnes() {
        assertEquals(Duration.ofHours(3), StaffDashboard.median(List.of(Duration.ofHours(4), Duration.ofHours(2))));
        assertEquals(Duration.ofMinutes(90), StaffDashboard.median(List.of(Duration.ofHours(1), Duration.ofDays(9), Duration.ofHours(2), Duration.ZERO)));
    }

    @Test
    void noDecisionsHaveNoMedian() {
        assertNull(StaffDashboard.median(List.of()));
        assertEquals("–", StaffDashboard.readable(null));
    }

    @Test
    void durationsReadAsDaysHoursAndMinutes() {
        assertEquals("< 1 min", StaffDashboard.readable(Duration.ofSeconds(59)));
        assertEquals("40 min", StaffDashboard.readable(Duration.ofMinutes(40)));
        assertEquals("2 h 5 min", StaffDashboard.readable(Duration.ofMinutes(125)));
        assertEquals("3 d 4 h", StaffDashboard.readable(Duration.ofHours(76).plusMinutes(10)));
    }
}
