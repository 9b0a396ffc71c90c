package org.colloquy.workgroup.web;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.workgroup.Workgroup;
import org.colloquy.workgroup.WorkgroupService;
import org.colloquy.workgroup.WorkgroupViews.PublicRelease;

/** {@code /workgroups}: every workgroup and every released document, for anyone (a transient page). */
@Named
@RequestScoped
public class WorkgroupsBacking {

    @Inject
    private WorkgroupService workgroups;

    private List<Workgroup> groups;
    private List<PublicRelease> released;

    public List<Workgroup> getGroups() {
        if (groups == null) {
            groups = workgroups.all();
        }
        return groups;
    }

    public List<PublicRelease> getReleased() {
        if (released == null) {
            released = workgroups.released();
        }
        return released;
    }
}
