package org.colloquy.account;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * Finds members by their public name, the username, for pages anyone may see. Only what is
 * public leaves it (username and since when they are a member: promise P-FORUM-1). A username
 * given up in the last 30 days still leads to its member, under the new name.
 */
@Stateless
public class MemberDirectory {

    /** What anyone may know of a member from their username. */
    public record PublicMember(String username, OffsetDateTime memberSince) {
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

    @Inject
    private MemberRepository members;

    public Lookup lookup(String username) {
        if (username == null || Usernames.problemKey(username).filter(key -> !key.equals("username.reserved")).isPresent()) {
            return new Lookup(null, null);
        }
        Optional<Member> current = members.findByUsername(username);
        if (current.isPresent()) {
            return new Lookup(new PublicMember(current.get().username(), current.get().createdAt()), null);
        }
        return members.findRecentFormer(username, OffsetDateTime.now(ZoneOffset.UTC))
                .flatMap(former -> members.find(former.memberId()))
                .map(moved -> new Lookup(null, moved.username()))
                .orElse(new Lookup(null, null));
    }
}
