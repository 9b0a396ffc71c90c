package org.colloquy.account;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * The append-only staff log for other contexts' staff actions (moderation): they check who may act
 * in their own services and write here what was done, by whom, to whom, on what and why. There is
 * no way to change or remove an entry. Reading the whole log stays with {@link StaffService}.
 */
@Stateless
@PermitAll
public class StaffLog {

    @Inject
    private MemberRepository members;

    /**
     * @param actorId  the staff member, or {@code null} when the system acted (a post hidden by flags)
     * @param subjectId the member the action concerns (a post's author)
     * @param detail   what it was done on, such as {@code post 12}
     */
    public void record(Long actorId, long subjectId, StaffAction.Kind kind, String detail, String reason) {
        String why = reason == null || reason.isBlank() ? "-" : reason.strip();
        if (why.length() > Member.REASON_LENGTH) {
            why = why.substring(0, Member.REASON_LENGTH);
        }
        members.add(new StaffAction(actorId, subjectId, kind, detail, why, OffsetDateTime.now(ZoneOffset.UTC)));
    }

    /** The newest entries of the whole log, for moderators and administrators (the moderation log page). */
    @jakarta.annotation.security.RolesAllowed({"MODERATOR", "ADMIN"})
    public List<StaffAction> latest(int max) {
        return members.em().createNamedQuery("StaffAction.latest", StaffAction.class).setMaxResults(Math.max(1, Math.min(max, 500)))
                .getResultList();
    }

    /**
     * The newest entries whose reason or detail holds the text (case-insensitive), or that were done
     * by or to the member whose username it is (what a moderator types to see a member's history),
     * for moderators and administrators.
     */
    @jakarta.annotation.security.RolesAllowed({"MODERATOR", "ADMIN"})
    public List<StaffAction> search(String text, int max) {
        String like = "%" + text.strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "").replace("%", "").replace("_", "") + "%";
        return members.em().createQuery("SELECT a FROM StaffAction a WHERE LOWER(a.reason) LIKE :t OR LOWER(a.detail) LIKE :t"
                + " OR LOWER(a.action) LIKE :t OR a.subjectId IN (SELECT m.id FROM Member m WHERE m.usernameKey = :key)"
                + " OR a.actorId IN (SELECT m.id FROM Member m WHERE m.usernameKey = :key) ORDER BY a.at DESC, a.id DESC",
                StaffAction.class).setParameter("t", like).setParameter("key", Usernames.key(text.strip()))
                .setMaxResults(Math.max(1, Math.min(max, 500))).getResultList();
    }

    /**
     * How many entries each staff member wrote since the moment (the system's are left out): for the
     * moderators' dashboard (decision 0040). Counts only, no content.
     */
    public java.util.Map<Long, Long> countsByActorSince(OffsetDateTime since) {
        java.util.Map<Long, Long> counts = new java.util.HashMap<>();
        members.em().createQuery("SELECT a.actorId, COUNT(a) FROM StaffAction a WHERE a.actorId IS NOT NULL AND a.at >= :since"
                + " GROUP BY a.actorId", Object[].class).setParameter("since", since).getResultList()
                .forEach(row -> counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
        return counts;
    }

    /** The entries whose detail is exactly this (the history of one post), newest first; for moderators' pages and tests. */
    public List<StaffAction> on(String detail) {
        return members.em().createQuery("SELECT a FROM StaffAction a WHERE a.detail = :detail ORDER BY a.at DESC, a.id DESC",
                StaffAction.class).setParameter("detail", detail).getResultList();
    }
}
