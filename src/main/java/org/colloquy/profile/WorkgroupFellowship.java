package org.colloquy.profile;

/**
 * Whether two members share a workgroup: the question behind the {@link Audience#WORKGROUPS}
 * audience. The workgroup context (issue 11) will implement it as a CDI bean; until then there is
 * no implementation, and {@link ProfileVisibility} treats nobody as a fellow, so "my workgroups"
 * shows a field to the member alone. The profile context asks, it never reads workgroups itself.
 *
 * <h2>Usage</h2>
 * <pre>
 * &#64;ApplicationScoped
 * public class WorkgroupFellows implements WorkgroupFellowship {
 *     public boolean shareAWorkgroup(long member, long other) { ... one query on the memberships ... }
 * }
 * </pre>
 */
public interface WorkgroupFellowship {

    /** @return whether both are members of at least one workgroup; never true for a member and themselves */
    boolean shareAWorkgroup(long member, long other);
}
