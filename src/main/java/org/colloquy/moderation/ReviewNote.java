package org.colloquy.moderation;

import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A staff note on a review item: seen by moderators and administrators only. */
@Entity
@Table(name = "moderation_note")
@NamedQuery(name = "ReviewNote.ofItems", query = "SELECT n FROM ReviewNote n WHERE n.itemId IN :items ORDER BY n.id")
public class ReviewNote {

    public static final int TEXT_LENGTH = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "item_id", nullable = false)
    private long itemId;

    @Column(name = "author_id")
    private Long authorId;

    @Column(name = "text", length = TEXT_LENGTH, nullable = false)
    private String text;

    @Column(name = "written_at", nullable = false)
    private OffsetDateTime writtenAt;

    protected ReviewNote() {
        // for JPA
    }

    ReviewNote(long itemId, long authorId, String text, OffsetDateTime now) {
        this.itemId = itemId;
        this.authorId = authorId;
        this.text = Objects.requireNonNull(text);
        this.writtenAt = Objects.requireNonNull(now);
    }

    public long itemId() {
        return itemId;
    }

    public Long authorId() {
        return authorId;
    }

    public String text() {
        return text;
    }

    public OffsetDateTime writtenAt() {
        return writtenAt;
    }
}
