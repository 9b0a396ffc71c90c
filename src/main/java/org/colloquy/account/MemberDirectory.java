package org.colloquy.account;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * Finds members by their public name, the username, for pages anyone may see. Only what is
 * public leaves it (username and since when they are a member: promise P-FORUM-1). A username
 * given up in the last 30 days still leads to its member, under the new name.
 */
@Stateless
public class MemberDirectory {

    /**
     * What anyone may know of a member from their username; the id is for other contexts to look
     * their own records up by (a profile), never shown.
     */
    public record PublicMember(String username, OffsetDateTime memberSince, long id) {
    }

    /** The answer for a username: the member, the member's new username, or nobody. */
    public record Lookup(PublicMember member, String movedTo) {

        public boolean isFound() {
            return member != null;
        }

        public boolean isMoved() {
            return movedTo != null;
        }
    }

    /**
     * What the forums need to know before a member posts: whether they may ({@link Member#mayPost()})
     * and since when they are a member (new members are limited more strictly).
     */
    public record Poster(boolean mayPost, OffsetDateTime memberSince, OffsetDateTime silencedUntil, String silenceReason) {

        public Poster(boolean mayPost, OffsetDateTime memberSince) {
            this(mayPost, memberSince, null, null);
        }

        /** Silenced by a moderator until {@link #silencedUntil} (issue 7): may read, may not post. */
        public boolean isSilenced() {
            return silencedUntil != null;
        }
    }

    @Inject
    private MemberRepository members;

    /**
     * The usernames of these members in one query, for a page of posts or topics (P-FORUM-1: the
     * username is the only name shown). Ids of accounts that are gone are left out.
     */
    public Map<Long, String> usernames(Collection<Long> ids) {
        return authors(ids).usernames();
    }

    /**
     * Authors of a page: their usernames by id, and which of those usernames have no public page
     * because the member deactivated the account (P-ACCOUNT-2: shown without a link). The set is a
     * plain {@code HashSet}: pages call {@code contains} on it from EL, which cannot invoke methods
     * of the JDK's non-public immutable collections.
     */
    public record Authors(Map<Long, String> usernames, Set<String> withoutPage) {
    }

    /** {@link #usernames} and which of them have no page, in the same one query. */
    public Authors authors(Collection<Long> ids) {
        List<Long> known = ids.stream().filter(Objects::nonNull).distinct().toList();
        if (known.isEmpty()) {
            return new Authors(Map.of(), Set.of());
        }
        Map<Long, String> usernames = new HashMap<>();
        Set<String> withoutPage = new HashSet<>();
        members.em().createNamedQuery("Member.usernamesOf", Object[].class)
                .setParameter("ids", known)
                .getResultStream()
                .forEach(row -> {
                    usernames.put((Long) row[0], (String) row[1]);
                    if (row[2] != null) {
                        withoutPage.add((String) row[1]);
                    }
                });
        return new Authors(Map.copyOf(usernames), withoutPage);
    }

    /** A member found by a username written in a post: the id (never shown) and the username as registered. */
    public record Mentioned(long id, String username) {
    }

    /**
     * The members with these current usernames (any case), in one query, keyed by the lower-case
     * username: for {@code @mentions} in forum posts. Names of nobody, and of deactivated accounts,
     * are left out (no link, no mail).
     */
    public Map<String, Mentioned> byUsernames(Collection<String> usernames) {
        List<String> keys = usernames.stream().filter(Objects::nonNull).map(Usernames::key).distinct().toList();
        if (keys.isEmpty()) {
            return Map.of();
        }
        return members.em().createQuery("SELECT m.id, m.username, m.usernameKey FROM Member m WHERE m.usernameKey IN :keys"
                        + " AND m.deactivatedAt IS NULL", Object[].class)
                .setParameter("keys", keys)
                .getResultStream()
                .collect(Collectors.toMap(row -> (String) row[2], row -> new Mentioned((Long) row[0], (String) row[1])));
    }

    /** The id of the member with this current username, for seeding and tests; never shown. */
    public Optional<Long> idOf(String username) {
        return username == null ? Optional.empty() : members.findByUsername(username).map(Member::id);
    }

    /** @return the member's standing for posting, empty when there is no such member */
    public Optional<Poster> poster(long memberId) {
        return members.find(memberId).map(m -> new Poster(m.mayPost(), m.createdAt(), m.silencedUntil(), m.silenceReason()));
    }

    /** Whether the member moderates: holds the MODERATOR or the ADMIN role (read now, not from a session). */
    public boolean isModerator(long memberId) {
        return members.find(memberId).map(m -> m.roles().contains(Role.MODERATOR) || m.roles().contains(Role.ADMIN)).orElse(false);
    }

    /** Whether the member decides removal requests: holds the PRIVACY_OFFICER or the ADMIN role (read now). */
    public boolean isPrivacyOfficer(long memberId) {
        return members.find(memberId).map(m -> m.roles().contains(Role.PRIVACY_OFFICER) || m.roles().contains(Role.ADMIN)).orElse(false);
    }

    /** Whether the member holds this role now (read from the database, not from a session). */
    public boolean holdsRole(long memberId, Role role) {
        return members.find(memberId).map(m -> m.roles().contains(role)).orElse(false);
    }

    public Lookup lookup(String username) {
        if (username == null || Usernames.problemKey(username).filter(key -> !key.equals("username.reserved")).isPresent()) {
            return new Lookup(null, null);
        }
        Optional<Member> current = members.findByUsername(username);
        if (current.isPresent()) {
            // A deactivated account has no public page (P-ACCOUNT-2), as if there were nobody.
            return current.get().isDeactivated() ? new Lookup(null, null) : new Lookup(publicOf(current.get()), null);
        }
        return members.findRecentFormer(username, OffsetDateTime.now(ZoneOffset.UTC))
                .flatMap(former -> members.find(former.memberId()))
                .filter(moved -> !moved.isDeleted())
                .map(moved -> new Lookup(null, moved.username()))
                .orElse(new Lookup(null, null));
    }

    /**
     * The member's real name as they gave it, for a context that shows it only with the member's
     * recorded consent naming it (a testimonial's credit, P-TESTI-1); never for a public page as such.
     */
    public Optional<String> realName(long id) {
        return members.find(id).filter(m -> !m.isDeleted()).map(Member::name);
    }

    /** The public side of a member by id (their own profile page, say), empty when there is no such member. */
    public Optional<PublicMember> publicMember(long id) {
        return members.find(id).filter(m -> !m.isDeleted()).map(MemberDirectory::publicOf);
    }

    private static PublicMember publicOf(Member member) {
        return new PublicMember(member.username(), member.createdAt(), member.id());
    }
}
