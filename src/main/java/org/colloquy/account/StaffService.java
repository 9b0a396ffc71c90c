package org.colloquy.account;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.security.Caller;
import org.colloquy.platform.validation.InvalidInputException;

/**
 * What administrators do to members: find them, grant and revoke roles, suspend and reinstate.
 * Only ADMIN may call it (checked here, not only by hiding pages); every change needs a reason and
 * is written to the staff log with who and when. Suspending ends the member's sessions at once.
 */
@Stateless
@DeclareRoles({"MEMBER", "MODERATOR", "EVENT_MANAGER", "PRIVACY_OFFICER", "ADMIN"})
@RolesAllowed("ADMIN")
public class StaffService {

    public static final int MAX_RESULTS = 50;

    @Inject
    private MemberRepository members;

    @Inject
    private MemberSessions sessions;

    @Inject
    private AccountMails mails;

    @Inject
    private Caller caller;

    public List<Member> find(String term) {
        return term == null || term.isBlank() ? List.of() : members.search(term, MAX_RESULTS);
    }

    public Member get(String username) {
        return members.findByUsername(username)
                .orElseThrow(() -> new NoSuchMemberException("No member is called " + username));
    }

    public List<StaffAction> log(int max) {
        return members.em().createNamedQuery("StaffAction.latest", StaffAction.class).setMaxResults(max).getResultList();
    }

    public List<StaffAction> logOf(long memberId) {
        return members.em().createNamedQuery("StaffAction.ofSubject", StaffAction.class)
                .setParameter("subject", memberId).getResultList();
    }

    /** @return the usernames of the given member ids (for the log), unknown ids left out */
    public Map<Long, String> usernames(Collection<Long> ids) {
        List<Long> known = ids.stream().filter(Objects::nonNull).distinct().toList();
        if (known.isEmpty()) {
            return Map.of();
        }
        return members.em().createNamedQuery("Member.usernamesOf", Object[].class)
                .setParameter("ids", known)
                .getResultStream()
                .collect(Collectors.toMap(row -> (Long) row[0], row -> (String) row[1]));
    }

    public void grant(long memberId, Role role, String reason) {
        Member member = members.get(memberId);
        if (member.grant(role)) {
            log(member, StaffAction.Kind.GRANT_ROLE, role.name(), reason);
        }
    }

    public void revoke(long memberId, Role role, String reason) {
        if (role == Role.MEMBER) {
            throw new InvalidInputException("role", Texts.get("staff.role.memberStays"));
        }
        Member member = members.get(memberId);
        if (role == Role.ADMIN && member.id() == caller.requireMemberId()) {
            throw new InvalidInputException("role", Texts.get("staff.role.notYourself"));
        }
        if (member.revoke(role)) {
            log(member, StaffAction.Kind.REVOKE_ROLE, role.name(), reason);
        }
    }

    public void suspend(long memberId, String reason) {
        Member member = members.get(memberId);
        if (member.id() == caller.requireMemberId()) {
            throw new InvalidInputException("reason", Texts.get("staff.suspend.notYourself"));
        }
        String why = requireReason(reason);
        member.suspend(why, now());
        sessions.endAll(member.id());
        log(member, StaffAction.Kind.SUSPEND, null, why);
        mails.suspended(member, why);
    }

    public void reinstate(long memberId, String reason) {
        Member member = members.get(memberId);
        if (member.isSuspended()) {
            member.reinstate();
            log(member, StaffAction.Kind.REINSTATE, null, reason);
            mails.reinstated(member);
        }
    }

    private void log(Member member, StaffAction.Kind kind, String detail, String reason) {
        members.add(new StaffAction(caller.requireMemberId(), member.id(), kind, detail, requireReason(reason), now()));
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", Texts.get("staff.reason.required"));
        }
        if (reason.strip().length() > Member.REASON_LENGTH) {
            throw new InvalidInputException("reason", Texts.get("staff.reason.tooLong", Member.REASON_LENGTH));
        }
        return reason.strip();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
