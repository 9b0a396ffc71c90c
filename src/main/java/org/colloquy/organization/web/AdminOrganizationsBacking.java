package org.colloquy.organization.web;

import java.io.Serializable;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.organization.NoSuchOrganizationException;
import org.colloquy.organization.OrganizationService;
import org.colloquy.organization.OrganizationViews.OrganizationLine;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.platform.web.FormErrors;

/**
 * {@code /admin/organizations}: administrators register organizations, may verify a domain claim directly,
 * name another administrator for an organization and withdraw a domain claim.
 */
@Named
@ViewScoped
public class AdminOrganizationsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private OrganizationService organizations;

    private String name;
    private String adminUsername;
    private Long organizationId;
    private String domain;
    private String reason;
    private Long changeOrganizationId;
    private String newAdminUsername;
    private Long withdrawOrganizationId;
    private String withdrawDomain;
    private String withdrawReason;
    private transient List<OrganizationLine> lines;

    public String register() {
        try {
            organizations.register(name, adminUsername);
            FormErrors.done("organization", Texts.get("organization.admin.registered"));
            name = null;
            adminUsername = null;
            lines = null;
        } catch (InvalidInputException e) {
            FormErrors.show("organization", e.problems());
        }
        return null;
    }

    public String verify() {
        try {
            organizations.verifyDirectly(organizationId == null ? -1 : organizationId, domain, reason);
            FormErrors.done("verify", Texts.get("organization.admin.verified"));
            domain = null;
            reason = null;
            lines = null;
        } catch (InvalidInputException e) {
            FormErrors.show("verify", e.problems());
        } catch (NoSuchOrganizationException e) {
            FormErrors.general("verify", Texts.get("organization.notFound"));
        }
        return null;
    }

    public String changeAdministrator() {
        try {
            organizations.changeAdministrator(changeOrganizationId == null ? -1 : changeOrganizationId, newAdminUsername);
            FormErrors.done("change", Texts.get("organization.admin.changed"));
            newAdminUsername = null;
            lines = null;
        } catch (InvalidInputException e) {
            FormErrors.show("change", e.problems());
        } catch (NoSuchOrganizationException e) {
            FormErrors.general("change", Texts.get("organization.notFound"));
        }
        return null;
    }

    public String withdraw() {
        try {
            organizations.withdrawDomain(withdrawOrganizationId == null ? -1 : withdrawOrganizationId, withdrawDomain, withdrawReason);
            FormErrors.done("withdraw", Texts.get("organization.admin.withdrawn", withdrawDomain.strip()));
            withdrawDomain = null;
            withdrawReason = null;
            lines = null;
        } catch (InvalidInputException e) {
            FormErrors.show("withdraw", e.problems());
        } catch (NoSuchOrganizationException e) {
            FormErrors.general("withdraw", Texts.get("organization.notFound"));
        }
        return null;
    }

    public List<OrganizationLine> getLines() {
        if (lines == null) {
            lines = organizations.all();
        }
        return lines;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getAdminUsername() {
        return adminUsername;
    }

    public void setAdminUsername(String adminUsername) {
        this.adminUsername = adminUsername;
    }

    public Long getOrganizationId() {
        return organizationId;
    }

    public void setOrganizationId(Long organizationId) {
        this.organizationId = organizationId;
    }

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public Long getChangeOrganizationId() {
        return changeOrganizationId;
    }

    public void setChangeOrganizationId(Long changeOrganizationId) {
        this.changeOrganizationId = changeOrganizationId;
    }

    public String getNewAdminUsername() {
        return newAdminUsername;
    }

    public void setNewAdminUsername(String newAdminUsername) {
        this.newAdminUsername = newAdminUsername;
    }

    public Long getWithdrawOrganizationId() {
        return withdrawOrganizationId;
    }

    public void setWithdrawOrganizationId(Long withdrawOrganizationId) {
        this.withdrawOrganizationId = withdrawOrganizationId;
    }

    public String getWithdrawDomain() {
        return withdrawDomain;
    }

    public void setWithdrawDomain(String withdrawDomain) {
        this.withdrawDomain = withdrawDomain;
    }

    public String getWithdrawReason() {
        return withdrawReason;
    }

    public void setWithdrawReason(String withdrawReason) {
        this.withdrawReason = withdrawReason;
    }
}
