package org.colloquy.workgroup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.colloquy.forum.ForumAudience;

/**
 * The forum audience of a workgroup's private discussion area ({@code workgroup:<id>}): its active
 * participants and its chairs read and write there; whoever leaves or is marked inactive stops at once.
 */
@ApplicationScoped
public class WorkgroupForumAudience implements ForumAudience {

    static final String PREFIX = "workgroup:";

    @Inject
    Workgroups workgroups;

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public boolean admits(String audienceKey, long memberId) {
        long groupId;
        try {
            groupId = Long.parseLong(audienceKey.substring(PREFIX.length()));
        } catch (NumberFormatException e) {
            return false;
        }
        return workgroups.isChair(groupId, memberId) || workgroups.isActiveParticipant(groupId, memberId);
    }
}
