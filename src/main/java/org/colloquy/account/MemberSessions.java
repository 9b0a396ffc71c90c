package org.colloquy.account;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.colloquy.platform.security.Caller;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The signed-in sessions of members, kept in the database so that every node agrees on them:
 * opening one at sign-in, checking it on every request, listing a member's own sessions and
 * ending them. A session of a suspended or deactivated member, or one that was ended, never resolves again.
 */
@Stateless
public class MemberSessions {

    /** Last-seen times are written at most this often, so that reading a page stays a read. */
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    @Inject
    private MemberRepository members;

    @Inject
    private Caller caller;

    @Inject
    @ConfigProperty(name = "colloquy.staff-mfa", defaultValue = "false")
    private boolean staffMfa;

    /**
     * What the container is told about a live session.
     *
     * @param roles                  the roles in force now; staff roles are withheld while a required
     *                               second factor is not set up
     * @param secondFactorMissing    true when staff roles are withheld for that reason
     */
    public record Resolved(long memberId, String username, Set<Role> roles, boolean secondFactorMissing,
                           boolean emailVerified) {
    }

    /** @return the new session's id, the only thing the HTTP session keeps */
    public String open(long memberId, String client, String address) {
        String id = Tokens.newToken();
        members.add(new MemberSession(id, memberId, client, address, now()));
        return id;
    }

    public Optional<Resolved> resolve(String sessionId) {
        MemberSession session = members.em().find(MemberSession.class, sessionId);
        if (session == null || session.isEnded()) {
            return Optional.empty();
        }
        Optional<Member> found = members.find(session.memberId());
        if (found.isEmpty() || found.get().isSuspended() || found.get().isDeactivated()) {
            session.end(now());
            return Optional.empty();
        }
        Member member = found.get();
        OffsetDateTime now = now();
        if (session.lastSeenAt().plus(TOUCH_INTERVAL).isBefore(now)) {
            session.seen(now);
        }
        Set<Role> roles = member.roles();
        boolean missing = staffMfa && member.hasStaffRole() && !member.hasTotp();
        if (missing) {
            roles = EnumSet.of(Role.MEMBER);
        }
        return Optional.of(new Resolved(member.id(), member.username(), roles, missing, member.isEmailVerified()));
    }

    /** The caller's sessions that are still live, most recently used first. */
    public List<MemberSession> mine() {
        return members.em().createNamedQuery("MemberSession.findLive", MemberSession.class)
                .setParameter("member", caller.requireMemberId())
                .getResultList();
    }

    /** Ends one of the caller's own sessions; a session of someone else is left alone. */
    public void endMine(String sessionId) {
        MemberSession session = members.em().find(MemberSession.class, sessionId);
        if (session != null && session.memberId() == caller.requireMemberId()) {
            session.end(now());
        }
    }

    /** Ends every session of the caller except the one given (the one they are using). */
    public int endMineExcept(String keepSessionId) {
        return endAllBut(caller.requireMemberId(), keepSessionId);
    }

    /** Sign-out: ends the session whatever member it belongs to, since only its holder knows its id. */
    public void end(String sessionId) {
        MemberSession session = members.em().find(MemberSession.class, sessionId);
        if (session != null) {
            session.end(now());
        }
    }

    public int endAll(long memberId) {
        return members.em().createNamedQuery("MemberSession.endAll")
                .setParameter("now", now()).setParameter("member", memberId).executeUpdate();
    }

    public int endAllBut(long memberId, String keepSessionId) {
        return members.em().createNamedQuery("MemberSession.endAllBut")
                .setParameter("now", now()).setParameter("member", memberId).setParameter("keep", keepSessionId)
                .executeUpdate();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
