package org.colloquy.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.colloquy.account.DemoAccounts;
import org.junit.jupiter.api.Test;

/** The demo profiles: one of each level, for demo members that exist, within the limits the writer checks. */
class ProfileDemoContentTest {

    @Test
    void demoMembersHaveOneProfileOfEachLevel() {
        assertEquals(EnumSet.allOf(ProfileLevel.class), ProfileDemoContent.PROFILES.values().stream()
                .map(ProfileDraft::level).collect(Collectors.toCollection(() -> EnumSet.noneOf(ProfileLevel.class))));
        Set<String> demoMembers = DemoAccounts.ACCOUNTS.stream().map(DemoAccounts.DemoAccount::username).collect(Collectors.toSet());
        assertTrue(demoMembers.containsAll(ProfileDemoContent.PROFILES.keySet()), ProfileDemoContent.PROFILES.keySet().toString());
        ProfileDemoContent.PROFILES.values().forEach(draft -> {
            for (ProfileField field : ProfileField.values()) {
                String value = draft.value(field);
                assertTrue(value == null || value.length() <= field.maxLength(), field + " too long");
            }
            String website = draft.value(ProfileField.WEBSITE);
            assertTrue(website == null || ProfileWriter.isWebAddress(website), website);
        });
        assertTrue(new ProfileDemoContent().order() > new DemoAccounts().order(), "profiles are seeded after the accounts");
    }

    @Test
    void eachDemoPhotoIsAnImageThePhotoCheckTakesAndTheLimitedOneShowsToMembersOnly() {
        for (java.awt.Color colour : new java.awt.Color[] {java.awt.Color.BLUE, java.awt.Color.DARK_GRAY}) {
            PhotoImages.Sizes sizes = PhotoImages.process(ProfileDemoContent.silhouette(colour));
            assertTrue(sizes.large().length > 0 && sizes.small().length > 0);
        }
        assertEquals(ProfileDemoContent.PROFILES.keySet(), ProfileDemoContent.PHOTO_COLOURS.keySet(), "a photo for each demo profile");
        assertEquals(Audience.MEMBERS, ProfileDemoContent.PROFILES.get("morgan").photoAudience());
        assertEquals(Audience.EVERYONE, ProfileDemoContent.PROFILES.get("ada").photoAudience());
    }
}
