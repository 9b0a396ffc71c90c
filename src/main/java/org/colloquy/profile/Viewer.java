package org.colloquy.profile;

/**
 * Who looks at a profile, as its member's relation to them: what the one check
 * ({@link ProfileVisibility}) needs to know of a viewer, and what "view as" lets the member choose.
 */
public enum Viewer {

    /** Not signed in. */
    ANONYMOUS,

    /** A signed-in member with no workgroup in common. */
    MEMBER,

    /** A signed-in member who shares a workgroup with the profile's member. */
    FELLOW,

    /** The profile's own member. */
    OWNER;

    /** Whether the viewer is signed in (and so reads members-only forums too). */
    public boolean isSignedIn() {
        return this != ANONYMOUS;
    }
}
