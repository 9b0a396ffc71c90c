package org.colloquy.forum;

import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * An earlier text of a post, kept for staff when its author or a moderator edits or deletes it.
 * Written once, with one exception: the names of a deleted member are taken out of it as out of the
 * post ({@link #forgetMentions}, P-ACCOUNT-2).
 */
@Entity
@Table(name = "forum_post_revision")
@NamedQuery(name = "PostRevision.ofPost", query = "SELECT r FROM PostRevision r WHERE r.postId = :post ORDER BY r.id")
public class PostRevision {

    /** Why the text was replaced. */
    public enum Reason {
        EDITED,
        DELETED,
        /** A privacy officer replaced the text with a redacted one (P-REMOVE-1); the earlier text stays for staff only. */
        REDACTED,
        /** A moderator edited the text with a reason (issue 7); staff see the change as a diff. */
        MODERATED,
        /** Granting an appeal put an earlier text back; this is the text it replaced. */
        RESTORED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "post_id", nullable = false)
    private long postId;

    @Column(name = "body_markdown", nullable = false)
    private String bodyMarkdown;

    @Column(name = "written_at", nullable = false)
    private OffsetDateTime writtenAt;

    @Column(name = "replaced_at", nullable = false)
    private OffsetDateTime replacedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "reason", length = 20, nullable = false)
    private Reason reason;

    protected PostRevision() {
        // for JPA
    }

    PostRevision(long postId, String bodyMarkdown, OffsetDateTime writtenAt, OffsetDateTime replacedAt, Reason reason) {
        this.postId = postId;
        this.bodyMarkdown = Objects.requireNonNull(bodyMarkdown);
        this.writtenAt = Objects.requireNonNull(writtenAt);
        this.replacedAt = Objects.requireNonNull(replacedAt);
        this.reason = Objects.requireNonNull(reason);
    }

    void forgetMentions(String markdown) {
        this.bodyMarkdown = Objects.requireNonNull(markdown);
    }

    public long postId() {
        return postId;
    }

    public String bodyMarkdown() {
        return bodyMarkdown;
    }

    public OffsetDateTime writtenAt() {
        return writtenAt;
    }

    public OffsetDateTime replacedAt() {
        return replacedAt;
    }

    public Long id() {
        return id;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public String toString() {
        return "PostRevision[" + id + " of post " + postId + " " + reason + "]";
    }
}
