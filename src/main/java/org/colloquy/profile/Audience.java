package org.colloquy.profile;

/**
 * Who may see one field of a profile. {@link #WORKGROUPS} is "my workgroups": the member and the
 * members who share a workgroup with them, as {@link WorkgroupFellowship} answers (nobody else
 * until workgroups exist).
 */
public enum Audience {

    EVERYONE,
    MEMBERS,
    WORKGROUPS,
    ONLY_ME;

    /** Whether a viewer in this relation to the member belongs to the audience. */
    public boolean admits(Viewer viewer) {
        return switch (this) {
            case EVERYONE -> true;
            case MEMBERS -> viewer != Viewer.ANONYMOUS;
            case WORKGROUPS -> viewer == Viewer.FELLOW || viewer == Viewer.OWNER;
            case ONLY_ME -> viewer == Viewer.OWNER;
        };
    }
}
