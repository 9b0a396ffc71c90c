package org.colloquy.workgroup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.colloquy.profile.WorkgroupFellowship;

/**
 * The profile's "my workgroups" audience: two members are fellows while both are active
 * participants of the same workgroup.
 */
@ApplicationScoped
public class WorkgroupFellows implements WorkgroupFellowship {

    @Inject
    Workgroups workgroups;

    @Override
    public boolean shareAWorkgroup(long member, long other) {
        return workgroups.shareAWorkgroup(member, other);
    }
}
