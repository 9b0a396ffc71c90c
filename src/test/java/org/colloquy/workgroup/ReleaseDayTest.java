package org.colloquy.workgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The hourly release job and its switch ({@code colloquy.workgroup.release-day.enabled}, P-RELEASE-1):
 * on, each run releases what is due today (UTC); off, a run releases nothing, while a direct call of
 * {@link ReleaseDay#releaseDue} (a test's) still does.
 */
class ReleaseDayTest {

    /** Workgroups with two releases due: records which it was asked to release, releases each. */
    private static final class DueReleases extends Workgroups {
        final List<Long> released = new ArrayList<>();
        final List<LocalDate> asked = new ArrayList<>();

        @Override
        public List<Long> dueReleases(LocalDate today) {
            asked.add(today);
            return List.of(41L, 42L);
        }

        @Override
        public boolean releaseOnItsDate(long releaseId, LocalDate today) {
            released.add(releaseId);
            return true;
        }
    }

    private static ReleaseDay job(DueReleases workgroups, boolean enabled) {
        ReleaseDay job = new ReleaseDay();
        job.workgroups = workgroups;
        job.enabled = enabled;
        return job;
    }

    @Test
    void onTheHourlyRunReleasesWhatIsDueToday() {
        DueReleases workgroups = new DueReleases();
        LocalDate before = LocalDate.now(ZoneOffset.UTC);
        job(workgroups, true).hourly();
        assertEquals(List.of(41L, 42L), workgroups.released);
        assertEquals(1, workgroups.asked.size());
        LocalDate today = workgroups.asked.get(0);
        assertTrue(!today.isBefore(before) && !today.isAfter(LocalDate.now(ZoneOffset.UTC)), "today, UTC: " + today);
    }

    @Test
    void offTheHourlyRunReleasesNothingButADirectCallStillDoes() {
        DueReleases workgroups = new DueReleases();
        ReleaseDay job = job(workgroups, false);
        job.hourly();
        assertEquals(List.of(), workgroups.released);
        assertEquals(List.of(), workgroups.asked);

        assertEquals(2, job.releaseDue(LocalDate.of(2031, 5, 6)));
        assertEquals(List.of(41L, 42L), workgroups.released);
    }
}
