package org.colloquy.profile;

/**
 * The optional fields of a profile, each with its own {@link Audience}. The id is the form field's
 * id and the key of a refusal's message. A photo (a later step) becomes one more field shown when
 * the profile is limited.
 */
public enum ProfileField {

    DISPLAY_NAME("displayName", 100, false),
    JOB_TITLE("jobTitle", 100, false),
    ORGANIZATION("organization", 100, false),
    LOCATION("location", 100, false),
    BIO("bio", 2000, true),
    WEBSITE("website", 300, false);

    private final String id;
    private final int maxLength;
    private final boolean shownWhenLimited;

    ProfileField(String id, int maxLength, boolean shownWhenLimited) {
        this.id = id;
        this.maxLength = maxLength;
        this.shownWhenLimited = shownWhenLimited;
    }

    /** The form field's id, e.g. {@code displayName}. */
    public String id() {
        return id;
    }

    /** The most characters the field takes (the column's length). */
    public int maxLength() {
        return maxLength;
    }

    /** Whether a limited profile still shows it (to its audience). */
    public boolean isShownWhenLimited() {
        return shownWhenLimited;
    }
}
