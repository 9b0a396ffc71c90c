package org.colloquy.workgroup;

/** Who acts in the workgroup services: a member's id and whether they are an administrator. */
public record Actor(long memberId, boolean admin) {

    public static Actor member(long memberId) {
        return new Actor(memberId, false);
    }

    public static Actor administrator(long memberId) {
        return new Actor(memberId, true);
    }
}
