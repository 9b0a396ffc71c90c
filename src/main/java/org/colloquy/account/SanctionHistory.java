package org.colloquy.account;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A member's warnings, silences and suspensions, newest first, read back from the staff log (decision
 * 0028 keeps no table of them; decision 0052): each with who decided, until when, why, and what became
 * of it. A silence or suspension is lifted by the next LIFT_SILENCE or REINSTATE (they are only logged
 * while one is in force), replaced by the next of its kind given while it ran (the member row holds
 * one of each), and otherwise ended on its date; the last one of each kind asks the member row whether
 * it is still in force, so an end is seen at the moment the rest of the portal sees it.
 */
public record SanctionHistory(List<Entry> entries, boolean more) {

    /** The staff log kinds the history reads: the sanctions and the lifts that end them. */
    static final Set<StaffAction.Kind> KINDS = Set.of(StaffAction.Kind.WARN, StaffAction.Kind.SILENCE, StaffAction.Kind.SUSPEND,
            StaffAction.Kind.LIFT_SILENCE, StaffAction.Kind.REINSTATE);

    /** What became of a sanction. */
    public enum State {
        /** A warning: it has no end. */
        GIVEN,
        /** In force now. */
        ACTIVE,
        /** Over on its date. */
        ENDED,
        /** Lifted before its date (or, without one, at all) by a moderator or an administrator. */
        LIFTED,
        /** Another of its kind was given while it ran and took its place. */
        REPLACED
    }

    /**
     * One warning, silence or suspension.
     *
     * @param kind      WARN, SILENCE or SUSPEND
     * @param actorId   who decided; {@code null} when the system did (an under-age report's hold)
     * @param until     the end decided; {@code null} for a warning and for a suspension until reinstated
     * @param reason    the reason as logged (for a moderator's sanction, "Rule: words")
     * @param endedAt   when it was lifted, replaced or ended; {@code null} while active and for a warning
     * @param liftedBy  who lifted it ({@code null} unless lifted, or when the system did)
     * @param liftReason why it was lifted
     */
    public record Entry(Long id, StaffAction.Kind kind, OffsetDateTime at, Long actorId, OffsetDateTime until, String reason,
            State state, OffsetDateTime endedAt, Long liftedBy, String liftReason) {
    }

    /** The member row's sanctions now, as the rest of the portal sees them. */
    record InForce(boolean silenced, OffsetDateTime silenceEnd, boolean suspended, OffsetDateTime suspensionEnd) {

        static InForce of(Member member) {
            return new InForce(member.isSilenced(), member.silenceEnd(), member.isSuspended(), member.suspensionEnd());
        }
    }

    public SanctionHistory {
        entries = List.copyOf(entries);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * @param newestFirst the member's staff log entries of {@link #KINDS}, newest first, as far back as read
     * @param max         the most entries kept; {@link #more()} says there were more, or may be
     * @param complete    whether {@code newestFirst} holds every such entry of the member (if not, there may be more)
     */
    static SanctionHistory of(List<StaffAction> newestFirst, InForce now, int max, boolean complete) {
        List<StaffAction> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        Map<StaffAction, Entry> entries = new IdentityHashMap<>();
        Track silence = new Track(StaffAction.Kind.SILENCE, StaffAction.Kind.LIFT_SILENCE);
        Track suspension = new Track(StaffAction.Kind.SUSPEND, StaffAction.Kind.REINSTATE);
        for (StaffAction action : oldestFirst) {
            if (action.kind() == StaffAction.Kind.WARN) {
                entries.put(action, new Entry(action.id(), action.kind(), action.at(), action.actorId(), null, action.reason(), State.GIVEN,
                        null, null, null));
            } else {
                Track track = silence.takes(action) ? silence : suspension;
                track.take(action, entries);
            }
        }
        silence.close(entries, now.silenced(), now.silenceEnd());
        suspension.close(entries, now.suspended(), now.suspensionEnd());
        // Newest first as the log was read (by time, then id), so entries of one moment keep their order.
        List<Entry> listed = newestFirst.stream().map(entries::get).filter(Objects::nonNull).toList();
        boolean more = !complete || listed.size() > max;
        return new SanctionHistory(listed.size() > max ? listed.subList(0, max) : listed, more);
    }

    /**
     * The end a SILENCE or moderator's SUSPEND entry names ({@code until 28 November 2026, 00:00 UTC},
     * written by {@link MemberSanctions}), or {@code null} when it names none (an administrator's
     * suspension, an under-age hold).
     */
    static OffsetDateTime until(StaffAction action) {
        String detail = action.detail();
        if (detail == null || !detail.startsWith(MemberSanctions.UNTIL)) {
            return null;
        }
        try {
            return LocalDateTime.parse(detail.substring(MemberSanctions.UNTIL.length()), MemberSanctions.WHEN).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** One kind of lasting sanction (silence or suspension) read in time order: at most one in force at a time. */
    private static final class Track {

        private final StaffAction.Kind given;
        private final StaffAction.Kind lift;
        private StaffAction current;

        Track(StaffAction.Kind given, StaffAction.Kind lift) {
            this.given = given;
            this.lift = lift;
        }

        boolean takes(StaffAction action) {
            return action.kind() == given || action.kind() == lift;
        }

        void take(StaffAction action, Map<StaffAction, Entry> entries) {
            if (action.kind() == given) {
                if (current != null) {
                    OffsetDateTime end = until(current);
                    boolean ran = end == null || end.isAfter(action.at());
                    entries.put(current, entry(current, ran ? State.REPLACED : State.ENDED, ran ? action.at() : end, null, null));
                }
                current = action;
            } else if (current != null) {
                entries.put(current, entry(current, State.LIFTED, action.at(), action.actorId(), action.reason()));
                current = null;
            }
            // A lift whose sanction lies further back than was read: that sanction is not listed.
        }

        /** The last one given and not lifted: the member row says whether it is still in force, or when it ended. */
        void close(Map<StaffAction, Entry> entries, boolean inForce, OffsetDateTime rowEnd) {
            if (current == null) {
                return;
            }
            if (inForce) {
                entries.put(current, entry(current, State.ACTIVE, null, null, null));
            } else {
                entries.put(current, entry(current, State.ENDED, rowEnd != null ? rowEnd : until(current), null, null));
            }
        }

        private static Entry entry(StaffAction action, State state, OffsetDateTime endedAt, Long liftedBy, String liftReason) {
            return new Entry(action.id(), action.kind(), action.at(), action.actorId(), until(action), action.reason(), state, endedAt,
                    liftedBy, liftReason);
        }
    }

    @Override
    public String toString() {
        return "SanctionHistory[" + entries.size() + (more ? "+" : "") + "]";
    }
}
