package org.colloquy.organization.web;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.organization.OrganizationService;
import org.colloquy.organization.OrganizationViews.MemberNotice;

/**
 * The privacy centre's section of notices from organizations that claim the member's email domain
 * (P-CORP-1), and whether the account page links the member's own organization page.
 */
@Named
@RequestScoped
public class OrganizationNoticesBacking {

    @Inject
    private OrganizationService organizations;

    private List<MemberNotice> notices;
    private Boolean administrator;

    public List<MemberNotice> getNotices() {
        if (notices == null) {
            notices = organizations.myNotices();
        }
        return notices;
    }

    /** Whether the signed-in member administers an organization. */
    public boolean isAdministrator() {
        if (administrator == null) {
            administrator = !organizations.mine().isEmpty();
        }
        return administrator;
    }
}
