package org.colloquy.organization.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.colloquy.organization.OrganizationDomain;
import org.colloquy.organization.OrganizationService;

/**
 * {@code /organization-confirm?token=}, the page a domain claim's mailed link opens. Opening it
 * changes nothing (mail scanners open links); the person presses the button, which uses the link
 * once. A transient view: the token is read from the request before the form is decoded.
 */
@Named
@RequestScoped
public class OrganizationConfirmBacking {

    @Inject
    private OrganizationService organizations;

    @Inject
    private HttpServletRequest request;

    private String token;
    private boolean usable;
    private boolean tried;
    private String domain;

    @PostConstruct
    void load() {
        token = request.getParameter("token");
        if (token == null) {
            token = request.getParameter("confirm:token");
        }
        usable = organizations.isLinkUsable(token);
    }

    public String confirm() {
        tried = true;
        domain = organizations.confirm(token).map(OrganizationDomain::domain).orElse(null);
        return null;
    }

    public boolean isUsable() {
        return usable;
    }

    public boolean isTried() {
        return tried;
    }

    /** The domain the link verified, null before the button or when it did not work. */
    public String getDomain() {
        return domain;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }
}
