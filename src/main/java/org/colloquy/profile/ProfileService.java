package org.colloquy.profile;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.colloquy.account.MemberDirectory;
import org.colloquy.account.NoSuchMemberException;
import org.colloquy.forum.ForumService;
import org.colloquy.forum.ForumViews;
import org.colloquy.platform.security.Caller;

/**
 * Profiles as the pages use them: the signed-in member's own profile to edit, a member's profile
 * page as the caller may see it, and the caller's own page "as" an anonymous visitor, a member or a
 * fellow workgroup member would see it. The page and the preview are made by the same method from
 * the one check ({@link ProfileVisibility}), so they cannot disagree.
 */
@Stateless
@PermitAll
public class ProfileService {

    /** How many of a member's newest posts the profile page lists. */
    public static final int RECENT_POSTS = 5;

    @Inject
    private ProfileRepository profiles;

    @Inject
    private ProfileWriter writer;

    @Inject
    private ProfileVisibility visibility;

    @Inject
    private MemberDirectory directory;

    @Inject
    private ForumService forum;

    @Inject
    private Caller caller;

    /** The signed-in member's profile as saved (the default one if they never saved it). */
    public MemberProfile mine() {
        long me = caller.requireMemberId();
        return profiles.find(me).orElseGet(() -> MemberProfile.empty(me));
    }

    /** Saves the signed-in member's profile; see {@link ProfileWriter#save}. */
    public MemberProfile save(ProfileDraft draft) {
        return writer.save(caller.requireMemberId(), draft);
    }

    /** Replaces the signed-in member's photo; see {@link ProfileWriter#savePhoto}. */
    public void savePhoto(byte[] upload) {
        writer.savePhoto(caller.requireMemberId(), upload);
    }

    /** Removes the signed-in member's photo. */
    public void removePhoto() {
        writer.removePhoto(caller.requireMemberId());
    }

    /** Whether the signed-in member has a photo. */
    public boolean hasPhoto() {
        return profiles.photoUpdatedAt(caller.requireMemberId()).isPresent();
    }

    /**
     * The member's photo in the size asked for, if the caller may see it (the same check as the
     * page); empty when there is none or the caller may not see it, which the servlet answers with 404.
     */
    public java.util.Optional<byte[]> photo(MemberDirectory.PublicMember member, boolean large) {
        MemberProfile profile = profiles.find(member.id()).orElseGet(() -> MemberProfile.empty(member.id()));
        if (!ProfileVisibility.showsPhoto(profile, visibility.relation(caller.memberId(), member.id()))) {
            return java.util.Optional.empty();
        }
        return profiles.findPhoto(member.id()).map(p -> large ? p.large() : p.small());
    }

    /** A member's profile page as the caller may see it. */
    public ProfilePage page(MemberDirectory.PublicMember member) {
        return build(member, visibility.relation(caller.memberId(), member.id()));
    }

    /** The signed-in member's own profile page as a viewer of that kind would see it ("view as"). */
    public ProfilePage preview(Viewer as) {
        long me = caller.requireMemberId();
        MemberDirectory.PublicMember member = directory.publicMember(me)
                .orElseThrow(() -> new NoSuchMemberException("No member with id " + me));
        return build(member, as);
    }

    /**
     * The organization on each of these members' profiles as a viewer of this kind may see it (the
     * workgroup's collaboration view asks as a {@link Viewer#FELLOW}); members it does not show to
     * that viewer are absent.
     */
    public java.util.Map<Long, String> organizationsShownTo(Viewer viewer, java.util.Collection<Long> memberIds) {
        java.util.Map<Long, String> shown = new java.util.HashMap<>();
        for (MemberProfile profile : profiles.findAll(memberIds)) {
            if (ProfileVisibility.shows(profile, ProfileField.ORGANIZATION, viewer)) {
                shown.put(profile.memberId(), profile.value(ProfileField.ORGANIZATION));
            }
        }
        return shown;
    }

    /**
     * Which of these members have a photo that a viewer of this kind may see (the workgroup's
     * collaboration view asks as a {@link Viewer#FELLOW}, P-RELEASE-2), by the same check as the
     * photo servlet, which serves it at {@code /profile-photo/{username}/small}.
     */
    public java.util.Set<Long> photosShownTo(Viewer viewer, java.util.Collection<Long> memberIds) {
        java.util.Set<Long> withPhoto = new java.util.HashSet<>(profiles.withPhoto(memberIds));
        if (withPhoto.isEmpty()) {
            return withPhoto;
        }
        java.util.Map<Long, MemberProfile> saved = new java.util.HashMap<>();
        profiles.findAll(withPhoto).forEach(p -> saved.put(p.memberId(), p));
        withPhoto.removeIf(id -> !ProfileVisibility.showsPhoto(saved.getOrDefault(id, MemberProfile.empty(id)), viewer));
        return withPhoto;
    }

    /**
     * The organization each of these members entered on their profile, whatever its audience: the
     * company a document release proposes to publish under its policy clause, which the member sees
     * and may correct before the release (P-RELEASE-3). Members without one are absent.
     */
    public java.util.Map<Long, String> organizationsOnFile(java.util.Collection<Long> memberIds) {
        java.util.Map<Long, String> onFile = new java.util.HashMap<>();
        for (MemberProfile profile : profiles.findAll(memberIds)) {
            String organization = profile.value(ProfileField.ORGANIZATION);
            if (organization != null && !organization.isBlank()) {
                onFile.put(profile.memberId(), organization);
            }
        }
        return onFile;
    }

    private ProfilePage build(MemberDirectory.PublicMember member, Viewer viewer) {
        MemberProfile profile = profiles.find(member.id()).orElseGet(() -> MemberProfile.empty(member.id()));
        boolean hasPhoto = profiles.photoUpdatedAt(member.id()).isPresent();
        ProfileView view = ProfileVisibility.view(member.username(), member.memberSince(), profile, hasPhoto, viewer);
        List<ForumViews.RecentPost> posts = view.isPrivate() ? List.of()
                : forum.recentPostsBy(member.id(), RECENT_POSTS, viewer.isSignedIn());
        return new ProfilePage(view, posts, viewer);
    }
}
