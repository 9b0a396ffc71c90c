package org.colloquy.account;

import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A username a member gave up: it redirects to them, and nobody else may take it, for 30 days. The
 * username of a deleted account is held instead ({@code heldUntil}): it leads nowhere, and nobody
 * may take it until the retention job frees it (P-ACCOUNT-2).
 */
@Entity
@Table(name = "former_username")
@NamedQuery(name = "FormerUsername.findRecent", query = "SELECT f FROM FormerUsername f"
        + " WHERE f.usernameKey = :key AND f.changedAt > :since AND f.heldUntil IS NULL ORDER BY f.changedAt DESC")
@NamedQuery(name = "FormerUsername.findHeld", query = "SELECT f FROM FormerUsername f"
        + " WHERE f.usernameKey = :key AND f.heldUntil > :now")
@NamedQuery(name = "FormerUsername.release", query = "DELETE FROM FormerUsername f WHERE f.heldUntil <= :now")
public class FormerUsername {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "username_key", length = Usernames.MAX, nullable = false)
    private String usernameKey;

    @Column(name = "member_id", nullable = false)
    private Long memberId;

    @Column(name = "changed_at", nullable = false)
    private OffsetDateTime changedAt;

    @Column(name = "held_until")
    private OffsetDateTime heldUntil;

    protected FormerUsername() {
        // for JPA
    }

    FormerUsername(String username, Long memberId, OffsetDateTime changedAt) {
        this.usernameKey = Usernames.key(username);
        this.memberId = Objects.requireNonNull(memberId);
        this.changedAt = Objects.requireNonNull(changedAt);
    }

    /** The username of a deleted account, refused to everyone until {@code heldUntil}. */
    static FormerUsername held(String username, Long memberId, OffsetDateTime at, OffsetDateTime heldUntil) {
        FormerUsername held = new FormerUsername(username, memberId, at);
        held.heldUntil = Objects.requireNonNull(heldUntil);
        return held;
    }

    public Long memberId() {
        return memberId;
    }

    @Override
    public String toString() {
        return "FormerUsername[" + usernameKey + " of member " + memberId + "]";
    }
}
