package org.colloquy.organization;

import java.time.OffsetDateTime;
import java.util.List;

/** What the organization pages show, as plain records built by {@link OrganizationDesk}. */
public final class OrganizationViews {

    private OrganizationViews() {
    }

    /** An organization with its domain claims, for administrators and its own administrator. */
    public record OrganizationLine(long id, String name, String adminUsername, List<OrganizationDomain> domains) {
    }

    /** A link to something of the member's past use: a post, a webinar, a workgroup. */
    public record UseLink(String label, String path) {
    }

    /** One member the organization's administrator sees, with their email and past use (P-CORP-1). */
    public record MemberUse(long memberId, String username, String email, long postCount, List<UseLink> recentPosts,
                            List<UseLink> registrations, List<UseLink> workgroups) {
    }

    /**
     * The organization administrator's view: one page of the members shown now (page numbers from 1,
     * of {@code pages}; {@code shownTotal} members in all), and how many more will be shown once their
     * notice period has passed (and from when the first of them).
     */
    public record AccessView(Organization organization, List<OrganizationDomain> domains, List<MemberUse> members,
                             long waiting, OffsetDateTime nextFrom, int page, int pages, long shownTotal) {

        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < pages;
        }
    }

    /** A notice as the member reads it in their privacy centre. */
    public record MemberNotice(String organization, String domain, String email, OffsetDateTime noticedAt,
                               OffsetDateTime accessFrom, boolean inForce) {
    }
}
