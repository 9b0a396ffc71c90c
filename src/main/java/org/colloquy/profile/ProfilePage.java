package org.colloquy.profile;

import java.util.List;

import org.colloquy.forum.ForumViews;

/**
 * What the profile page at {@code /u/{username}} and its "view as" preview render, both made by
 * {@link ProfileService} from the one check: the profile as this viewer may see it and the member's
 * newest posts this viewer may read (none on a private profile).
 */
public record ProfilePage(ProfileView view, List<ForumViews.RecentPost> recentPosts, Viewer viewer) {
}
