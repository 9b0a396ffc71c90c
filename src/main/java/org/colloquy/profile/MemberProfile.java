package org.colloquy.profile;

import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What a member tells about themselves beyond their account (P-PROFILE-2: all optional): the
 * profile level and, for each {@link ProfileField}, its value and {@link Audience}. A member with no
 * row has {@link #empty(long) the default}: limited, no fields. Nothing here is shown but through
 * {@link ProfileVisibility}. The bio keeps the Markdown written and the safe HTML made from it.
 */
@Entity
@Table(name = "member_profile")
public class MemberProfile {

    /** The default audience of the bio, the one field a limited profile shows. */
    public static final Audience BIO_DEFAULT = Audience.EVERYONE;

    /** The default audience of the photo: everyone, as a limited profile shows it. */
    public static final Audience PHOTO_DEFAULT = Audience.EVERYONE;

    /** The default audience of every other field: signed-in members. */
    public static final Audience FIELD_DEFAULT = Audience.MEMBERS;

    @Id
    @Column(name = "member_id")
    private Long memberId;

    @Enumerated(EnumType.STRING)
    @Column(name = "profile_level", length = 10, nullable = false)
    private ProfileLevel level = ProfileLevel.LIMITED;

    @Column(name = "display_name", length = 100)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(name = "display_name_audience", length = 10, nullable = false)
    private Audience displayNameAudience = FIELD_DEFAULT;

    @Column(name = "job_title", length = 100)
    private String jobTitle;

    @Enumerated(EnumType.STRING)
    @Column(name = "job_title_audience", length = 10, nullable = false)
    private Audience jobTitleAudience = FIELD_DEFAULT;

    @Column(name = "organization", length = 100)
    private String organization;

    @Enumerated(EnumType.STRING)
    @Column(name = "organization_audience", length = 10, nullable = false)
    private Audience organizationAudience = FIELD_DEFAULT;

    @Column(name = "location", length = 100)
    private String location;

    @Enumerated(EnumType.STRING)
    @Column(name = "location_audience", length = 10, nullable = false)
    private Audience locationAudience = FIELD_DEFAULT;

    @Column(name = "bio_markdown", length = 2000)
    private String bioMarkdown;

    @Column(name = "bio_html")
    private String bioHtml;

    @Enumerated(EnumType.STRING)
    @Column(name = "bio_audience", length = 10, nullable = false)
    private Audience bioAudience = BIO_DEFAULT;

    @Column(name = "website", length = 300)
    private String website;

    @Enumerated(EnumType.STRING)
    @Column(name = "website_audience", length = 10, nullable = false)
    private Audience websiteAudience = FIELD_DEFAULT;

    @Enumerated(EnumType.STRING)
    @Column(name = "photo_audience", length = 10, nullable = false)
    private Audience photoAudience = PHOTO_DEFAULT;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected MemberProfile() {
        // for JPA
    }

    MemberProfile(long memberId) {
        this.memberId = memberId;
    }

    /** The profile of a member who never saved one: limited, nothing filled in. Not persisted. */
    public static MemberProfile empty(long memberId) {
        return new MemberProfile(memberId);
    }

    /** Replaces everything with the draft (already checked), the bio with its safe HTML. */
    void apply(ProfileDraft draft, String newBioHtml, OffsetDateTime now) {
        level = Objects.requireNonNull(draft.level());
        displayName = draft.value(ProfileField.DISPLAY_NAME);
        jobTitle = draft.value(ProfileField.JOB_TITLE);
        organization = draft.value(ProfileField.ORGANIZATION);
        location = draft.value(ProfileField.LOCATION);
        bioMarkdown = draft.value(ProfileField.BIO);
        bioHtml = bioMarkdown == null ? null : newBioHtml;
        website = draft.value(ProfileField.WEBSITE);
        displayNameAudience = draft.audience(ProfileField.DISPLAY_NAME);
        jobTitleAudience = draft.audience(ProfileField.JOB_TITLE);
        organizationAudience = draft.audience(ProfileField.ORGANIZATION);
        locationAudience = draft.audience(ProfileField.LOCATION);
        bioAudience = draft.audience(ProfileField.BIO);
        websiteAudience = draft.audience(ProfileField.WEBSITE);
        photoAudience = draft.photoAudience();
        updatedAt = Objects.requireNonNull(now);
    }

    public long memberId() {
        return memberId;
    }

    public ProfileLevel level() {
        return level;
    }

    /** The field's value as written (the bio's Markdown), null when empty. */
    public String value(ProfileField field) {
        return switch (field) {
            case DISPLAY_NAME -> displayName;
            case JOB_TITLE -> jobTitle;
            case ORGANIZATION -> organization;
            case LOCATION -> location;
            case BIO -> bioMarkdown;
            case WEBSITE -> website;
        };
    }

    public Audience audience(ProfileField field) {
        return switch (field) {
            case DISPLAY_NAME -> displayNameAudience;
            case JOB_TITLE -> jobTitleAudience;
            case ORGANIZATION -> organizationAudience;
            case LOCATION -> locationAudience;
            case BIO -> bioAudience;
            case WEBSITE -> websiteAudience;
        };
    }

    /** Who may see the photo, within what the level allows. */
    public Audience photoAudience() {
        return photoAudience;
    }

    /** The bio as safe HTML (made by {@code platform.text.Markdown} when saved), null when empty. */
    public String bioHtml() {
        return bioHtml;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    @Override
    public String toString() {
        return "MemberProfile[" + memberId + " " + level + "]";
    }
}
