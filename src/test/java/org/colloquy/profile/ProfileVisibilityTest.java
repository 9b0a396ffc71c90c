package org.colloquy.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The one check (P-PROFILE-1), field by field: every level, every audience and every viewer. The
 * container test ({@code ProfileServicesIT}) and the browser test walk the same matrix through the
 * pages; this one covers all of it in milliseconds.
 */
class ProfileVisibilityTest {

    private static final OffsetDateTime SINCE = OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC);

    /** P-PROFILE-1: a field shows exactly when the level allows it and the viewer is in its audience. */
    @Test
    void everyFieldShowsOnlyWhereLevelAndAudienceBothAllow_P_PROFILE_1() {
        for (ProfileLevel level : ProfileLevel.values()) {
            for (Audience audience : Audience.values()) {
                MemberProfile profile = profile(level, audience);
                for (Viewer viewer : Viewer.values()) {
                    ProfileView view = ProfileVisibility.view("someone", SINCE, profile, viewer);
                    for (ProfileField field : ProfileField.values()) {
                        boolean expected = switch (level) {
                            case PRIVATE -> false;
                            case LIMITED -> field == ProfileField.BIO && inAudience(audience, viewer);
                            case FULL -> inAudience(audience, viewer);
                        };
                        assertEquals(expected, shown(view, field) != null, level + " " + audience + " " + viewer + " " + field);
                    }
                    assertEquals("someone", view.username());
                    assertEquals(level == ProfileLevel.PRIVATE, view.isPrivate());
                    assertEquals(level == ProfileLevel.PRIVATE ? null : SINCE, view.memberSince(), "member since only when not private");
                }
            }
        }
    }

    /**
     * P-PROFILE-1, the photo: with a limited or full profile it shows to its own audience, with a
     * private one to the member only (on their edit page); the page and the photo servlet ask this.
     */
    @Test
    void thePhotoShowsToItsAudienceUnlessTheProfileIsPrivate_P_PROFILE_1() {
        for (ProfileLevel level : ProfileLevel.values()) {
            for (Audience audience : Audience.values()) {
                MemberProfile profile = MemberProfile.empty(1);
                profile.apply(new ProfileDraft(level, Map.of(), Map.of(), audience), null, SINCE);
                for (Viewer viewer : Viewer.values()) {
                    boolean expected = viewer == Viewer.OWNER || level != ProfileLevel.PRIVATE && inAudience(audience, viewer);
                    assertEquals(expected, ProfileVisibility.showsPhoto(profile, viewer), level + " " + audience + " " + viewer);
                    assertEquals(expected && level != ProfileLevel.PRIVATE,
                            ProfileVisibility.view("someone", SINCE, profile, true, viewer).photo(), "the page: " + level + " " + audience + " " + viewer);
                    assertFalse(ProfileVisibility.view("someone", SINCE, profile, false, viewer).photo(), "no photo, none shown");
                }
            }
        }
        assertEquals(Audience.EVERYONE, MemberProfile.empty(2).photoAudience(), "as before the choice existed");
    }

    @Test
    void theWorkgroupAudienceIsTheMemberAndTheirFellowsOnly() {
        assertFalse(Audience.WORKGROUPS.admits(Viewer.ANONYMOUS));
        assertFalse(Audience.WORKGROUPS.admits(Viewer.MEMBER));
        assertTrue(Audience.WORKGROUPS.admits(Viewer.FELLOW));
        assertTrue(Audience.WORKGROUPS.admits(Viewer.OWNER));
        assertTrue(Audience.ONLY_ME.admits(Viewer.OWNER));
        assertFalse(Audience.ONLY_ME.admits(Viewer.FELLOW));
    }

    @Test
    void aMemberWhoNeverSavedAProfileIsLimitedWithNothingToShow() {
        ProfileView view = ProfileVisibility.view("newcomer", SINCE, MemberProfile.empty(7), Viewer.MEMBER);
        assertFalse(view.isPrivate());
        assertFalse(view.hasFields());
        assertEquals(ProfileLevel.LIMITED, MemberProfile.empty(7).level());
    }

    /** A form sends null for an empty field and may leave an audience out: both mean "nothing" and "the default". */
    @Test
    void aDraftTakesEmptyFieldsAsNothingAndMissingAudiencesAsTheDefaults() {
        Map<ProfileField, String> values = new java.util.HashMap<>();
        values.put(ProfileField.DISPLAY_NAME, null);
        values.put(ProfileField.JOB_TITLE, "   ");
        values.put(ProfileField.LOCATION, "  Bergen ");
        Map<ProfileField, Audience> audiences = new java.util.HashMap<>();
        audiences.put(ProfileField.LOCATION, null);
        ProfileDraft draft = new ProfileDraft(ProfileLevel.FULL, values, audiences);
        assertNull(draft.value(ProfileField.DISPLAY_NAME));
        assertNull(draft.value(ProfileField.JOB_TITLE));
        assertEquals("Bergen", draft.value(ProfileField.LOCATION));
        assertEquals(Audience.MEMBERS, draft.audience(ProfileField.LOCATION));
        assertEquals(Audience.EVERYONE, draft.audience(ProfileField.BIO));
    }

    @Test
    void websitesAreHttpOrHttpsAddressesWithAHost() {
        for (String good : new String[] {"https://example.org", "http://example.org/a?b=c#d", "HTTPS://Example.org/path"}) {
            assertTrue(ProfileWriter.isWebAddress(good), good);
        }
        for (String bad : new String[] {"example.org", "javascript:alert(1)", "ftp://example.org", "https://", "https://user@example.org",
                "https://exa mple.org", "data:text/html,hi", "//example.org", "mailto:a@example.org"}) {
            assertFalse(ProfileWriter.isWebAddress(bad), bad);
        }
    }

    private static boolean inAudience(Audience audience, Viewer viewer) {
        return switch (audience) {
            case EVERYONE -> true;
            case MEMBERS -> viewer != Viewer.ANONYMOUS;
            case WORKGROUPS -> viewer == Viewer.FELLOW || viewer == Viewer.OWNER;
            case ONLY_ME -> viewer == Viewer.OWNER;
        };
    }

    private static MemberProfile profile(ProfileLevel level, Audience audience) {
        Map<ProfileField, String> values = new EnumMap<>(ProfileField.class);
        Map<ProfileField, Audience> audiences = new EnumMap<>(ProfileField.class);
        for (ProfileField field : ProfileField.values()) {
            values.put(field, field == ProfileField.WEBSITE ? "https://example.org/" + field.id() : "Value of " + field.id());
            audiences.put(field, audience);
        }
        MemberProfile profile = MemberProfile.empty(1);
        profile.apply(new ProfileDraft(level, values, audiences), "<p>Bio</p>", SINCE);
        return profile;
    }

    private static String shown(ProfileView view, ProfileField field) {
        return switch (field) {
            case DISPLAY_NAME -> view.displayName();
            case JOB_TITLE -> view.jobTitle();
            case ORGANIZATION -> view.organization();
            case LOCATION -> view.location();
            case BIO -> view.bioHtml();
            case WEBSITE -> view.website();
        };
    }
}
