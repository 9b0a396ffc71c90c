package org.colloquy.account;

import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One sign-in of a member on one device. The HTTP session holds only this row's id; a session
 * ended here (sign out, "end this session", password reset, suspension) is refused on the next
 * request on whichever node serves it.
 */
@Entity
@Table(name = "member_session")
@NamedQuery(name = "MemberSession.findLive",
        query = "SELECT s FROM MemberSession s WHERE s.memberId = :member AND s.endedAt IS NULL ORDER BY s.lastSeenAt DESC")
@NamedQuery(name = "MemberSession.endAll",
        query = "UPDATE MemberSession s SET s.endedAt = :now WHERE s.memberId = :member AND s.endedAt IS NULL")
@NamedQuery(name = "MemberSession.endAllBut",
        query = "UPDATE MemberSession s SET s.endedAt = :now WHERE s.memberId = :member AND s.endedAt IS NULL AND s.id <> :keep")
public class MemberSession {

    public static final int CLIENT_LENGTH = 200;
    public static final int ADDRESS_LENGTH = 64;

    @Id
    @Column(name = "id", length = 64)
    private String id;

    @Column(name = "member_id", nullable = false)
    private Long memberId;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "last_seen_at", nullable = false)
    private OffsetDateTime lastSeenAt;

    @Column(name = "ended_at")
    private OffsetDateTime endedAt;

    @Column(name = "client", length = CLIENT_LENGTH)
    private String client;

    @Column(name = "address", length = ADDRESS_LENGTH)
    private String address;

    protected MemberSession() {
        // for JPA
    }

    MemberSession(String id, Long memberId, String client, String address, OffsetDateTime now) {
        this.id = Objects.requireNonNull(id);
        this.memberId = Objects.requireNonNull(memberId);
        this.client = truncate(client, CLIENT_LENGTH);
        this.address = truncate(address, ADDRESS_LENGTH);
        this.createdAt = Objects.requireNonNull(now);
        this.lastSeenAt = now;
    }

    public String id() {
        return id;
    }

    public Long memberId() {
        return memberId;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime lastSeenAt() {
        return lastSeenAt;
    }

    public String client() {
        return client;
    }

    public String address() {
        return address;
    }

    public boolean isEnded() {
        return endedAt != null;
    }

    void seen(OffsetDateTime at) {
        this.lastSeenAt = at;
    }

    void end(OffsetDateTime at) {
        if (endedAt == null) {
            endedAt = at;
        }
    }

    private static String truncate(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }

    @Override
    public String toString() {
        return "MemberSession[member " + memberId + (endedAt == null ? "" : ", ended") + "]";
    }
}
