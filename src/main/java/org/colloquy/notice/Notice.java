package org.colloquy.notice;

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
 * One in-portal notice to one member (issue 7, decision 0039): what happened, why and, where it
 * applies, how to appeal, with the address of what it is about. The text is written once, when the
 * notice is sent, as a mail's is; only {@code readAt} changes afterwards.
 */
@Entity
@Table(name = "notice")
@NamedQuery(name = "Notice.ofMember", query = "SELECT n FROM Notice n WHERE n.memberId = :member ORDER BY n.id DESC")
@NamedQuery(name = "Notice.count", query = "SELECT COUNT(n) FROM Notice n WHERE n.memberId = :member")
@NamedQuery(name = "Notice.unread", query = "SELECT COUNT(n) FROM Notice n WHERE n.memberId = :member AND n.readAt IS NULL")
@NamedQuery(name = "Notice.markRead", query = "UPDATE Notice n SET n.readAt = :now WHERE n.id = :id AND n.memberId = :member"
        + " AND n.readAt IS NULL")
@NamedQuery(name = "Notice.markAllRead", query = "UPDATE Notice n SET n.readAt = :now WHERE n.memberId = :member AND n.readAt IS NULL")
@NamedQuery(name = "Notice.deleteOfMember", query = "DELETE FROM Notice n WHERE n.memberId = :member")
public class Notice {

    /** What the notice is about; the list shows it as a label. */
    public enum Kind {
        /** A moderator hid, edited, deleted, restored, approved or moved the member's post or topic. */
        MODERATION,
        /** A warning, silence or suspension, or its lifting. */
        SANCTION,
        /** The outcome of a flag the member raised. */
        FLAG_OUTCOME,
        /** The outcome of the member's appeal. */
        APPEAL
    }

    public static final int TITLE_LENGTH = 300;
    public static final int BODY_LENGTH = 3000;
    public static final int PATH_LENGTH = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "member_id", nullable = false)
    private long memberId;

    @Column(name = "kind", length = 20, nullable = false)
    private String kind;

    @Column(name = "title", length = TITLE_LENGTH, nullable = false)
    private String title;

    @Column(name = "body", length = BODY_LENGTH, nullable = false)
    private String body;

    @Column(name = "path", length = PATH_LENGTH)
    private String path;

    @Column(name = "appeal_path", length = PATH_LENGTH)
    private String appealPath;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "read_at")
    private OffsetDateTime readAt;

    protected Notice() {
        // for JPA
    }

    Notice(Notify notify, OffsetDateTime now) {
        this.memberId = notify.memberId();
        this.kind = Objects.requireNonNull(notify.kind()).name();
        this.title = cut(Objects.requireNonNull(notify.title()), TITLE_LENGTH);
        this.body = cut(Objects.requireNonNull(notify.body()), BODY_LENGTH);
        this.path = notify.path() == null ? null : cut(notify.path(), PATH_LENGTH);
        this.appealPath = notify.appealPath() == null ? null : cut(notify.appealPath(), PATH_LENGTH);
        this.createdAt = Objects.requireNonNull(now);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    public Long id() {
        return id;
    }

    public long memberId() {
        return memberId;
    }

    public Kind kind() {
        return Kind.valueOf(kind);
    }

    public String title() {
        return title;
    }

    public String body() {
        return body;
    }

    /** The address of what the notice is about (a post, a topic), or null. */
    public String path() {
        return path;
    }

    /** Where the member appeals the decision, or null when it cannot be appealed. */
    public String appealPath() {
        return appealPath;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime readAt() {
        return readAt;
    }

    public boolean isUnread() {
        return readAt == null;
    }

    @Override
    public String toString() {
        return "Notice[" + id + " " + kind + " to " + memberId + "]";
    }
}
