package org.colloquy.profile;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A profile as the member's form sends it: the level, each field's text (blank for none) and
 * audience, and the photo's audience. A field missing from {@code audiences}, or a missing photo
 * audience, gets its default.
 */
public record ProfileDraft(ProfileLevel level, Map<ProfileField, String> values, Map<ProfileField, Audience> audiences,
                           Audience photoAudience) {

    public ProfileDraft {
        Objects.requireNonNull(level, "level");
        values = withoutNulls(values);
        audiences = withoutNulls(audiences);
        photoAudience = photoAudience == null ? MemberProfile.PHOTO_DEFAULT : photoAudience;
    }

    /** A draft with the photo shown to its default audience. */
    public ProfileDraft(ProfileLevel level, Map<ProfileField, String> values, Map<ProfileField, Audience> audiences) {
        this(level, values, audiences, null);
    }

    /** A copy without the entries of fields left empty (a form sends null for them). */
    private static <V> Map<ProfileField, V> withoutNulls(Map<ProfileField, V> map) {
        Map<ProfileField, V> copy = new EnumMap<>(ProfileField.class);
        if (map != null) {
            map.forEach((field, value) -> {
                if (field != null && value != null) {
                    copy.put(field, value);
                }
            });
        }
        return Map.copyOf(copy);
    }

    /** The draft of a profile as it is, for a form to start from. */
    public static ProfileDraft of(MemberProfile profile) {
        Map<ProfileField, String> values = new EnumMap<>(ProfileField.class);
        Map<ProfileField, Audience> audiences = new EnumMap<>(ProfileField.class);
        for (ProfileField field : ProfileField.values()) {
            if (profile.value(field) != null) {
                values.put(field, profile.value(field));
            }
            audiences.put(field, profile.audience(field));
        }
        return new ProfileDraft(profile.level(), values, audiences, profile.photoAudience());
    }

    /** The field's text stripped, null when blank. */
    public String value(ProfileField field) {
        String value = values.get(field);
        return value == null || value.isBlank() ? null : value.strip();
    }

    public Audience audience(ProfileField field) {
        Audience audience = audiences.get(field);
        if (audience != null) {
            return audience;
        }
        return field == ProfileField.BIO ? MemberProfile.BIO_DEFAULT : MemberProfile.FIELD_DEFAULT;
    }
}
