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
 * A forum, managed by administrators: its name, address ({@code /c/{slug}}), description, the
 * conditions it adds to the forum rules (Markdown, P-FORUM-2), who may read it, and counters kept
 * by every post so that the listing reads no aggregates.
 */
@Entity
@Table(name = "forum_category")
@NamedQuery(name = "ForumCategory.all", query = "SELECT c FROM ForumCategory c ORDER BY c.position, c.id")
@NamedQuery(name = "ForumCategory.visible", query = "SELECT c FROM ForumCategory c WHERE c.visibility = :public"
        + " ORDER BY c.position, c.id")
@NamedQuery(name = "ForumCategory.bySlug", query = "SELECT c FROM ForumCategory c WHERE c.slug = :slug")
@NamedQuery(name = "ForumCategory.countPost", query = "UPDATE ForumCategory c SET c.postCount = c.postCount + 1,"
        + " c.lastActivityAt = :at WHERE c.id = :id")
@NamedQuery(name = "ForumCategory.countTopic", query = "UPDATE ForumCategory c SET c.topicCount = c.topicCount + 1,"
        + " c.postCount = c.postCount + 1, c.lastActivityAt = :at WHERE c.id = :id")
@NamedQuery(name = "ForumCategory.move", query = "UPDATE ForumCategory c SET c.topicCount = c.topicCount + :topics,"
        + " c.postCount = c.postCount + :posts WHERE c.id = :id")
public class ForumCategory {

    public static final int NAME_LENGTH = 100;
    public static final int SLUG_LENGTH = 40;
    public static final int DESCRIPTION_LENGTH = 1000;
    public static final int CONDITIONS_LENGTH = 10_000;
    public static final int AUDIENCE_KEY_LENGTH = 60;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "name", length = NAME_LENGTH, nullable = false)
    private String name;

    @Column(name = "slug", length = SLUG_LENGTH, nullable = false)
    private String slug;

    @Column(name = "description", length = DESCRIPTION_LENGTH, nullable = false)
    private String description;

    @Column(name = "conditions")
    private String conditions;

    @Enumerated(EnumType.STRING)
    @Column(name = "visibility", length = 10, nullable = false)
    private Visibility visibility;

    @Column(name = "position", nullable = false)
    private int position;

    @Column(name = "topic_count", nullable = false)
    private int topicCount;

    @Column(name = "post_count", nullable = false)
    private int postCount;

    @Column(name = "last_activity_at")
    private OffsetDateTime lastActivityAt;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "audience_key", length = AUDIENCE_KEY_LENGTH, updatable = false)
    private String audienceKey;

    protected ForumCategory() {
        // for JPA
    }

    ForumCategory(CategoryDraft draft, OffsetDateTime now) {
        this(draft, null, now);
    }

    ForumCategory(CategoryDraft draft, String audienceKey, OffsetDateTime now) {
        this.createdAt = Objects.requireNonNull(now);
        this.audienceKey = audienceKey;
        apply(draft);
    }

    final void apply(CategoryDraft draft) {
        this.name = draft.name().strip();
        this.slug = draft.slug().strip();
        this.description = draft.description() == null ? "" : draft.description().strip();
        this.conditions = draft.conditions() == null || draft.conditions().isBlank() ? null : draft.conditions().strip();
        this.visibility = Objects.requireNonNull(draft.visibility());
        this.position = draft.position();
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String slug() {
        return slug;
    }

    public String description() {
        return description;
    }

    /** The forum's own conditions in Markdown, or null. */
    public String conditions() {
        return conditions;
    }

    public Visibility visibility() {
        return visibility;
    }

    /** Members only: so marked, or a category of an audience (whatever an administrator sets). */
    public boolean isMembersOnly() {
        return visibility == Visibility.MEMBERS || audienceKey != null;
    }

    /** The audience that alone reads and writes here (see {@link ForumAudience}), or null for every reader. */
    public String audienceKey() {
        return audienceKey;
    }

    public int position() {
        return position;
    }

    public int topicCount() {
        return topicCount;
    }

    public int postCount() {
        return postCount;
    }

    public OffsetDateTime lastActivityAt() {
        return lastActivityAt;
    }

    public String path() {
        return "/c/" + slug;
    }

    public CategoryDraft draft() {
        return new CategoryDraft(name, slug, description, conditions, visibility, position);
    }

    @Override
    public String toString() {
        return "ForumCategory[" + id + " " + slug + "]";
    }
}
