package org.colloquy.account;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * The account side of under-age reports (issue 12, P-CHILD-1): a verified report holds the named
 * account (suspended, sessions ended) while a privacy officer reviews it; confirming deletes the
 * account as {@link AccountDeletion} deletes one, posts included; dismissing lifts the hold. The
 * rights context decides when; this class checks again, against the database, that a decision comes
 * from a privacy officer or an administrator, and writes the staff log.
 */
@Stateless
@PermitAll
public class UnderAgeHolds {

    @Inject
    private MemberRepository members;

    @Inject
    private MemberSessions sessions;

    @Inject
    private AccountDeletion deletion;

    /** What {@link #hold} did. */
    public enum Hold {
        /** Suspended now, by this report. */
        HELD,
        /** Suspended already for another reason; left as it was. */
        ALREADY_SUSPENDED,
        /**
         * A staff account (moderator, event manager, privacy officer, administrator) is not suspended
         * by a report alone, or anyone could lock the staff out with a few addresses; an officer decides first.
         */
        STAFF_NOT_HELD
    }

    /** Suspends the account while the report is reviewed; the system acts, so the log has no actor. */
    public Hold hold(long memberId, String detail, String reason) {
        Member member = members.get(memberId);
        if (member.isSuspended()) {
            return Hold.ALREADY_SUSPENDED;
        }
        if (member.hasStaffRole()) {
            return Hold.STAFF_NOT_HELD;
        }
        member.suspend(reason, now());
        sessions.endAll(member.id());
        log(null, member, StaffAction.Kind.SUSPEND, detail, reason);
        return Hold.HELD;
    }

    /** The report is confirmed: the account is deleted, its posts with it (P-CHILD-1). */
    public void confirm(long officerId, long memberId, String detail, String reason) {
        Member member = target(officerId, memberId);
        sessions.endAll(member.id());
        log(officerId, member, StaffAction.Kind.CONFIRM_UNDER_AGE, detail, reason);
        members.em().flush();
        deletion.eraseUnderAge(officerId, memberId);
    }

    /** The report is dismissed: a hold this report made is lifted; a suspension made for another reason stays. */
    public void dismiss(long officerId, long memberId, boolean held, String detail, String reason) {
        Member member = target(officerId, memberId);
        log(officerId, member, StaffAction.Kind.DISMISS_UNDER_AGE, detail, reason);
        // Entries of one moment are read in id order; EclipseLink does not keep the order of persists.
        members.em().flush();
        if (held && member.isSuspended()) {
            member.reinstate();
            log(officerId, member, StaffAction.Kind.REINSTATE, detail, reason);
        }
    }

    /** Whether the account is suspended now (the officer's queue shows it). */
    public boolean isSuspended(long memberId) {
        return members.find(memberId).map(Member::isSuspended).orElse(false);
    }

    private Member target(long officerId, long memberId) {
        boolean officer = members.find(officerId)
                .map(m -> m.roles().contains(Role.PRIVACY_OFFICER) || m.roles().contains(Role.ADMIN)).orElse(false);
        if (!officer) {
            throw new SecurityException("Only a privacy officer or an administrator decides an under-age report");
        }
        return members.get(memberId);
    }

    private void log(Long actorId, Member member, StaffAction.Kind kind, String detail, String reason) {
        String why = reason == null || reason.isBlank() ? "-" : reason.strip();
        if (why.length() > Member.REASON_LENGTH) {
            why = why.substring(0, Member.REASON_LENGTH);
        }
        members.add(new StaffAction(actorId, member.id(), kind, detail, why, now()));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
