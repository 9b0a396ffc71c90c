package org.colloquy.account;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * The account side of moderators' sanctions (issue 7, decision 0028): warn, silence until a date,
 * suspend until a date, and lift a silence or suspension early. The moderation context checks who
 * may act and validates the request; this class checks again, against the database, that the actor
 * moderates, then changes the account, ends a suspended member's sessions at once, writes the staff
 * log and tells the member by account mail what and why. A silence or dated suspension ends by
 * itself: {@link Member} compares its end with the clock, so no job is needed.
 */
@Stateless
@PermitAll
public class MemberSanctions {

    /** How a sanction's end reads, in the member page, mails and the staff log ({@link SanctionHistory} reads it back). */
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH);

    /** The start of the staff log detail of a silence or suspension with an end. */
    static final String UNTIL = "until ";

    /** What a moderator's member page shows of a member: username and standing, never email or real name. */
    public record Standing(long memberId, String username, OffsetDateTime silencedUntil, String silenceReason,
            boolean suspended, OffsetDateTime suspendedUntil, String suspensionReason) {
    }

    @Inject
    private MemberRepository members;

    @Inject
    private MemberSessions sessions;

    @Inject
    private AccountMails mails;

    /** A date as sanctions show it to people, in UTC. */
    public static String when(OffsetDateTime at) {
        return at == null ? "" : WHEN.format(at.withOffsetSameInstant(ZoneOffset.UTC));
    }

    public Optional<Standing> standing(String username) {
        return members.findByUsername(username).map(MemberSanctions::standing);
    }

    public Standing standing(long memberId) {
        return standing(members.get(memberId));
    }

    private static Standing standing(Member m) {
        return new Standing(m.id(), m.username(), m.silencedUntil(), m.silenceReason(), m.isSuspended(), m.suspendedUntil(),
                m.isSuspended() ? m.suspensionReason() : null);
    }

    /**
     * Members silenced or suspended by a date now (a moderator's sanctions, decision 0028), soonest
     * end first, at most {@code max}: for the moderators' list of active sanctions. Open-ended
     * suspensions (an administrator's, or a hold for an under-age report) are not listed here.
     */
    public List<Standing> active(int max) {
        OffsetDateTime now = now();
        return members.em().createQuery("SELECT m FROM Member m WHERE m.deletedAt IS NULL AND (m.silencedUntil > :now"
                + " OR (m.suspendedAt IS NOT NULL AND m.suspendedUntil > :now))"
                + " ORDER BY COALESCE(m.silencedUntil, m.suspendedUntil), m.id", Member.class)
                .setParameter("now", now).setMaxResults(Math.max(1, Math.min(max, 500))).getResultStream()
                .map(MemberSanctions::standing).toList();
    }

    /**
     * The member's warnings, silences and suspensions, newest first, at most {@code max}, with what
     * became of each (see {@link SanctionHistory}), for a moderator's member page: staff log entries
     * and ids only, no name or address. The actor must moderate, checked here against the database.
     */
    public SanctionHistory history(long actorId, long memberId, int max) {
        requireModerator(actorId);
        Member member = members.get(memberId);
        int shown = Math.max(1, Math.min(max, 100));
        // Every lift is logged only while a sanction is in force, so 2 × shown + 1 entries hold at least shown sanctions.
        int read = 2 * shown + 1;
        List<StaffAction> entries = members.em().createNamedQuery("StaffAction.ofSubjectOfKinds", StaffAction.class)
                .setParameter("subject", memberId).setParameter("actions", SanctionHistory.KINDS.stream().map(Enum::name).toList())
                .setMaxResults(read).getResultList();
        return SanctionHistory.of(entries, SanctionHistory.InForce.of(member), shown, entries.size() < read);
    }

    public void warn(long actorId, long memberId, String reason) {
        Member member = target(actorId, memberId);
        log(actorId, member, StaffAction.Kind.WARN, null, reason);
        mails.sanction(member, "warned", reason, null);
    }

    public void silence(long actorId, long memberId, OffsetDateTime until, String reason) {
        Member member = target(actorId, memberId);
        member.silence(reason, until);
        log(actorId, member, StaffAction.Kind.SILENCE, UNTIL + when(until), reason);
        mails.sanction(member, "silenced", reason, when(until));
    }

    public void suspend(long actorId, long memberId, OffsetDateTime until, String reason) {
        Member member = target(actorId, memberId);
        member.suspend(reason, now(), until);
        sessions.endAll(member.id());
        log(actorId, member, StaffAction.Kind.SUSPEND, UNTIL + when(until), reason);
        mails.sanction(member, "suspended", reason, when(until));
    }

    /** @return false when there was nothing to lift */
    public boolean liftSilence(long actorId, long memberId, String reason) {
        Member member = target(actorId, memberId);
        if (!member.isSilenced()) {
            return false;
        }
        member.unsilence();
        log(actorId, member, StaffAction.Kind.LIFT_SILENCE, null, reason);
        mails.sanction(member, "silenceLifted", reason, null);
        return true;
    }

    /** @return false when there was nothing to lift */
    public boolean liftSuspension(long actorId, long memberId, String reason) {
        Member member = target(actorId, memberId);
        if (!member.isSuspended()) {
            return false;
        }
        member.reinstate();
        log(actorId, member, StaffAction.Kind.REINSTATE, null, reason);
        mails.sanction(member, "suspensionLifted", reason, null);
        return true;
    }

    private Member target(long actorId, long memberId) {
        if (!moderates(actorId) || actorId == memberId) {
            throw new SecurityException("Only a moderator may sanction another member");
        }
        return members.get(memberId);
    }

    private void requireModerator(long actorId) {
        if (!moderates(actorId)) {
            throw new SecurityException("Only a moderator may read a member's sanctions");
        }
    }

    private boolean moderates(long actorId) {
        return members.find(actorId).map(m -> m.roles().contains(Role.MODERATOR) || m.roles().contains(Role.ADMIN)).orElse(false);
    }

    private void log(long actorId, Member member, StaffAction.Kind kind, String detail, String reason) {
        members.add(new StaffAction(actorId, member.id(), kind, detail, reason, now()));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
