package org.colloquy.profile;

import java.time.OffsetDateTime;

/**
 * A profile as one viewer may see it, made only by {@link ProfileVisibility}: a component is null
 * when the viewer may not see it (or it is empty). Pages render exactly this, nothing more.
 *
 * @param username     always shown
 * @param memberSince  null for a private profile
 * @param isPrivate    the profile shows the username only
 * @param bioHtml      the bio as safe HTML
 * @param website      an http or https address, for a link marked {@code nofollow ugc noopener}
 * @param photo        whether the viewer may see the member's photo (and there is one)
 */
public record ProfileView(String username, OffsetDateTime memberSince, boolean isPrivate, String displayName,
                          String jobTitle, String organization, String location, String bioHtml, String website,
                          boolean photo) {

    /** Whether any field shows (the page then has an "About" section). */
    public boolean hasFields() {
        return displayName != null || jobTitle != null || organization != null || location != null
                || bioHtml != null || website != null;
    }
}
