package org.colloquy.organization.web;

import java.io.Serializable;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.organization.NoSuchOrganizationException;
import org.colloquy.organization.Organization;
import org.colloquy.organization.OrganizationService;
import org.colloquy.organization.OrganizationViews.AccessView;
import org.colloquy.organization.OrganizationSettings;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.throttle.TooManyAttemptsException;
import org.colloquy.platform.throttle.web.TooManyAttempts;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.platform.web.FormErrors;

/**
 * {@code /organization?id=N&page=P}: an organization's administrator claims domains and sees the
 * members at them (P-CORP-1), a page at a time. The view is read once per page view, when the page
 * opens, because reading it writes each member shown into their ledger; a crafted id of another
 * organization shows "not found".
 */
@Named
@ViewScoped
public class OrganizationBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private OrganizationService organizations;

    @Inject
    private OrganizationSettings settings;

    private List<Organization> mine;
    private Long organizationId;
    private int page = 1;
    private AccessView view;
    private boolean notFound;
    private String address;

    @PostConstruct
    void load() {
        mine = organizations.mine();
        java.util.Map<String, String> parameters = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        String raw = parameters.get("id");
        String rawPage = parameters.get("page");
        try {
            organizationId = raw == null || raw.isBlank() ? (mine.isEmpty() ? null : mine.get(0).id()) : Long.valueOf(raw.strip());
            page = rawPage == null || rawPage.isBlank() ? 1 : Integer.parseInt(rawPage.strip());
        } catch (NumberFormatException e) {
            notFound = true;
            return;
        }
        if (organizationId != null) {
            read();
        }
    }

    private void read() {
        try {
            view = organizations.view(organizationId, page);
        } catch (NoSuchOrganizationException e) {
            notFound = true;
            view = null;
        }
    }

    public String claim() {
        try {
            organizations.claimByMail(organizationId, address);
            FormErrors.done("claim", Texts.get("organization.page.claimed", address.strip()));
            address = null;
            read();
        } catch (InvalidInputException e) {
            FormErrors.show("claim", e.problems());
        } catch (NoSuchOrganizationException e) {
            FormErrors.general("claim", Texts.get("organization.notFound"));
        } catch (TooManyAttemptsException e) {
            TooManyAttempts.respond(e.retryAfter());
        }
        return null;
    }

    public List<Organization> getMine() {
        return mine;
    }

    public AccessView getView() {
        return view;
    }

    public boolean isNotFound() {
        return notFound;
    }

    public int getNoticeDays() {
        return settings.noticeDays();
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }
}
