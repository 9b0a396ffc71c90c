package org.colloquy.profile;

import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * The one check of what a viewer may see of a profile (P-PROFILE-1): every surface that shows
 * profile data (the profile page, its "view as" preview, and later feeds, search and JSON) takes a
 * {@link ProfileView} from here and shows nothing else. The level caps the fields for every viewer,
 * the owner included (private: the username only; limited: at most the bio; full: all); each field
 * then shows only to its audience. Forums show no profile data at all: only usernames (P-FORUM-1).
 */
@ApplicationScoped
public class ProfileVisibility {

    @Inject
    @Any
    Instance<WorkgroupFellowship> fellowships;

    /**
     * The relation of a viewer to a member: anonymous, the member themselves, a fellow in a
     * workgroup (as the workgroup context's {@link WorkgroupFellowship} answers), or a member.
     */
    public Viewer relation(Optional<Long> viewerId, long memberId) {
        if (viewerId.isEmpty()) {
            return Viewer.ANONYMOUS;
        }
        long viewer = viewerId.get();
        if (viewer == memberId) {
            return Viewer.OWNER;
        }
        for (WorkgroupFellowship fellowship : fellowships) {
            if (fellowship.shareAWorkgroup(memberId, viewer)) {
                return Viewer.FELLOW;
            }
        }
        return Viewer.MEMBER;
    }

    /** What this viewer may see of the profile, for a member without a photo. */
    public static ProfileView view(String username, OffsetDateTime memberSince, MemberProfile profile, Viewer viewer) {
        return view(username, memberSince, profile, false, viewer);
    }

    /** What this viewer may see of the profile; {@code hasPhoto}: whether the member has uploaded one. */
    public static ProfileView view(String username, OffsetDateTime memberSince, MemberProfile profile, boolean hasPhoto,
                                   Viewer viewer) {
        if (profile.level() == ProfileLevel.PRIVATE) {
            return new ProfileView(username, null, true, null, null, null, null, null, null, false);
        }
        return new ProfileView(username, memberSince, false,
                shown(profile, ProfileField.DISPLAY_NAME, viewer),
                shown(profile, ProfileField.JOB_TITLE, viewer),
                shown(profile, ProfileField.ORGANIZATION, viewer),
                shown(profile, ProfileField.LOCATION, viewer),
                shown(profile, ProfileField.BIO, viewer) == null || profile.bioHtml() == null || profile.bioHtml().isBlank()
                        ? null : profile.bioHtml(),
                shown(profile, ProfileField.WEBSITE, viewer),
                hasPhoto && showsPhoto(profile, viewer));
    }

    /**
     * Whether the photo shows to this viewer: with a limited or full profile, to the photo's
     * audience (everyone unless the member chose otherwise: the "limited: username, photo
     * and bio"); with a private one to nobody but the member, who sees it on their own edit page
     * (the private page itself shows the username only). The photo servlet asks this same question.
     */
    public static boolean showsPhoto(MemberProfile profile, Viewer viewer) {
        return viewer == Viewer.OWNER || profile.level() != ProfileLevel.PRIVATE && profile.photoAudience().admits(viewer);
    }

    /** Whether the field shows to the viewer: allowed by the level, the viewer in its audience, not empty. */
    public static boolean shows(MemberProfile profile, ProfileField field, Viewer viewer) {
        String value = profile.value(field);
        return value != null && !value.isBlank() && profile.level().allows(field) && profile.audience(field).admits(viewer);
    }

    private static String shown(MemberProfile profile, ProfileField field, Viewer viewer) {
        return shows(profile, field, viewer) ? profile.value(field) : null;
    }
}
