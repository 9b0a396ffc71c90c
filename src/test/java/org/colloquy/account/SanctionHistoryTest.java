package org.colloquy.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.colloquy.account.SanctionHistory.Entry;
import org.colloquy.account.SanctionHistory.InForce;
import org.colloquy.account.SanctionHistory.State;
import org.junit.jupiter.api.Test;

/**
 * A member's sanction history as read back from the staff log (issue 7, decision 0052): what became of
 * each warning, silence and suspension, from the entries after it and, for the last of each kind, the
 * member row.
 */
class SanctionHistoryTest {

    private static final long MEMBER = 7;
    private static final long MODERATOR = 3;
    private static final long OTHER_MODERATOR = 4;
    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
    private static final InForce NOTHING = new InForce(false, null, false, null);

    private final List<StaffAction> log = new ArrayList<>();

    @Test
    void aWarningIsGivenAndASilenceLiftedEarlySaysWhenByWhomAndWhy() {
        warn(NOW.minusDays(10), "Off-topic: Stay on topic");
        silence(NOW.minusDays(9), NOW.plusDays(5), "Off-topic: Again");
        add(NOW.minusDays(8), OTHER_MODERATOR, StaffAction.Kind.LIFT_SILENCE, null, "Apologised");

        List<Entry> entries = history(NOTHING).entries();

        assertEquals(2, entries.size());
        Entry silence = entries.get(0);
        assertEquals(StaffAction.Kind.SILENCE, silence.kind());
        assertEquals(State.LIFTED, silence.state());
        assertEquals(NOW.plusDays(5), silence.until());
        assertEquals(NOW.minusDays(8), silence.endedAt());
        assertEquals(OTHER_MODERATOR, silence.liftedBy());
        assertEquals("Apologised", silence.liftReason());
        assertEquals(MODERATOR, silence.actorId());
        assertEquals("Off-topic: Again", silence.reason());
        Entry warning = entries.get(1);
        assertEquals(State.GIVEN, warning.state());
        assertNull(warning.until());
        assertNull(warning.endedAt());
    }

    @Test
    void theLastSilenceIsActiveWhileTheMemberRowSaysSoAndEndedOnceItsEndHasPassed() {
        OffsetDateTime end = NOW.plusDays(3);
        silence(NOW.minusDays(1), end, "Abusive: Cool down");

        Entry active = history(new InForce(true, end, false, null)).entries().get(0);
        assertEquals(State.ACTIVE, active.state());
        assertNull(active.endedAt());

        // The days have passed: the row keeps the end it reached (a test moves it into the past).
        OffsetDateTime passed = NOW.minusMinutes(1);
        Entry ended = history(new InForce(false, passed, false, null)).entries().get(0);
        assertEquals(State.ENDED, ended.state());
        assertEquals(passed, ended.endedAt());
        assertEquals(end, ended.until(), "the end decided stays as it was");
    }

    @Test
    void aSilenceGivenWhileAnotherRanReplacesItAndOneWhoseEndHadPassedEndedOnItsDate() {
        silence(NOW.minusDays(30), NOW.minusDays(28), "Abusive: First");
        silence(NOW.minusDays(10), NOW.plusDays(10), "Abusive: Second");
        silence(NOW.minusDays(5), NOW.plusDays(20), "Abusive: Third");

        List<Entry> entries = history(new InForce(true, NOW.plusDays(20), false, null)).entries();

        assertEquals(List.of("Abusive: Third", "Abusive: Second", "Abusive: First"), entries.stream().map(Entry::reason).toList());
        assertEquals(State.ACTIVE, entries.get(0).state());
        assertEquals(State.REPLACED, entries.get(1).state());
        assertEquals(NOW.minusDays(5), entries.get(1).endedAt());
        assertEquals(State.ENDED, entries.get(2).state());
        assertEquals(NOW.minusDays(28), entries.get(2).endedAt());
    }

    @Test
    void silencesAndSuspensionsAreTrackedApartAndAnOpenEndedSuspensionIsLiftedByReinstating() {
        add(NOW.minusDays(6), null, StaffAction.Kind.SUSPEND, "under-age report 12", "Held while a report is reviewed");
        silence(NOW.minusDays(5), NOW.plusDays(5), "Abusive: Loud");
        add(NOW.minusDays(4), OTHER_MODERATOR, StaffAction.Kind.REINSTATE, "under-age report 12", "Report dismissed");
        add(NOW.minusDays(3), MODERATOR, StaffAction.Kind.SUSPEND, "until " + MemberSanctions.when(NOW.plusDays(4)), "Threatening: Threats");

        List<Entry> entries = history(new InForce(true, NOW.plusDays(5), true, NOW.plusDays(4))).entries();

        assertEquals(3, entries.size());
        assertEquals(StaffAction.Kind.SUSPEND, entries.get(0).kind());
        assertEquals(State.ACTIVE, entries.get(0).state());
        assertEquals(NOW.plusDays(4), entries.get(0).until());
        assertEquals(StaffAction.Kind.SILENCE, entries.get(1).kind());
        assertEquals(State.ACTIVE, entries.get(1).state(), "reinstating ends a suspension, not a silence");
        Entry hold = entries.get(2);
        assertEquals(State.LIFTED, hold.state());
        assertNull(hold.until(), "until reinstated");
        assertNull(hold.actorId(), "the system held the account");
        assertEquals("Report dismissed", hold.liftReason());
    }

    @Test
    void anOpenEndedSuspensionReplacedByADatedOneIsReplaced() {
        add(NOW.minusDays(6), MODERATOR, StaffAction.Kind.SUSPEND, null, "An administrator's suspension");
        add(NOW.minusDays(3), MODERATOR, StaffAction.Kind.SUSPEND, "until " + MemberSanctions.when(NOW.minusDays(1)), "Abusive: Dated");

        List<Entry> entries = history(new InForce(false, null, false, NOW.minusDays(1))).entries();

        assertEquals(State.ENDED, entries.get(0).state());
        assertEquals(NOW.minusDays(1), entries.get(0).endedAt());
        assertEquals(State.REPLACED, entries.get(1).state());
    }

    @Test
    void onlyTheNewestAreKeptAndTheHistorySaysThereAreMore() {
        for (int i = 30; i > 0; i--) {
            warn(NOW.minusDays(i), "Off-topic: number " + i);
        }
        SanctionHistory history = history(NOTHING, 20, true);
        assertEquals(20, history.entries().size());
        assertTrue(history.more());
        assertEquals("Off-topic: number 1", history.entries().get(0).reason(), "newest first");

        assertTrue(history(NOTHING, 40, false).more(), "the log was read only so far back");
        assertFalse(history(NOTHING, 40, true).more());
    }

    @Test
    void aLiftWhoseSanctionWasNotReadListsNothing() {
        add(NOW.minusDays(2), MODERATOR, StaffAction.Kind.LIFT_SILENCE, null, "Lifted");
        assertTrue(history(NOTHING).isEmpty());
    }

    @Test
    void theEndIsReadBackAsTheSanctionWroteIt() {
        OffsetDateTime end = OffsetDateTime.of(2026, 11, 28, 0, 0, 0, 0, ZoneOffset.UTC);
        assertEquals(end, SanctionHistory.until(action(NOW, MODERATOR, StaffAction.Kind.SILENCE, "until " + MemberSanctions.when(end), "x")));
        assertNull(SanctionHistory.until(action(NOW, MODERATOR, StaffAction.Kind.SUSPEND, null, "x")));
        assertNull(SanctionHistory.until(action(NOW, null, StaffAction.Kind.SUSPEND, "under-age report 3", "x")));
        assertNull(SanctionHistory.until(action(NOW, MODERATOR, StaffAction.Kind.SILENCE, "until someday", "x")));
    }

    private SanctionHistory history(InForce now) {
        return history(now, 20, true);
    }

    private SanctionHistory history(InForce now, int max, boolean complete) {
        List<StaffAction> newestFirst = new ArrayList<>(log);
        Collections.reverse(newestFirst);
        return SanctionHistory.of(newestFirst, now, max, complete);
    }

    private void warn(OffsetDateTime at, String reason) {
        add(at, MODERATOR, StaffAction.Kind.WARN, null, reason);
    }

    private void silence(OffsetDateTime at, OffsetDateTime until, String reason) {
        add(at, MODERATOR, StaffAction.Kind.SILENCE, "until " + MemberSanctions.when(until), reason);
    }

    private void add(OffsetDateTime at, Long actor, StaffAction.Kind kind, String detail, String reason) {
        log.add(action(at, actor, kind, detail, reason));
    }

    private static StaffAction action(OffsetDateTime at, Long actor, StaffAction.Kind kind, String detail, String reason) {
        return new StaffAction(actor, MEMBER, kind, detail, reason, at);
    }
}
