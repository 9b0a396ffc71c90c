package org.colloquy.account;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a member may do beyond reading and posting. Every member has {@link #MEMBER}; the others
 * are granted by an administrator and recorded in the staff log. The names are also the Jakarta
 * Security groups and roles ({@code @RolesAllowed("ADMIN")}).
 */
public enum Role {
    MEMBER,
    MODERATOR,
    EVENT_MANAGER,
    PRIVACY_OFFICER,
    ADMIN;

    /** Roles whose holders need a second factor when {@code colloquy.staff-mfa} is true. */
    public static final Set<Role> STAFF = EnumSet.of(MODERATOR, EVENT_MANAGER, PRIVACY_OFFICER, ADMIN);

    public boolean isStaff() {
        return STAFF.contains(this);
    }
}
