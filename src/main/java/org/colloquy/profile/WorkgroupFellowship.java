package org.colloquy.profile;

/**
 * Whether two members share a workgroup: the question behind the {@link Audience#WORKGROUPS}
 * audience. The workgroup context implements it as a CDI bean ({@code WorkgroupFellows}: both active
 * participants of one group); without an implementation {@link ProfileVisibility} would treat nobody
 * as a fellow. The profile context asks, it never reads workgroups itself.
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
