package org.colloquy.rights.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.colloquy.rights.RightsDesk;
import org.colloquy.rights.RightsService;

/**
 * {@code /rights-confirm?token=}, the page the mailed link of a rights request or under-age report
 * opens. Opening it changes nothing (mail scanners open links); the person presses the button,
 * which uses the link once. The page is a transient view: the token is read from the request
 * ({@code token} on the GET, the form's hidden field on the POST) before the form is decoded, since
 * whether the form is shown depends on it.
 */
@Named
@RequestScoped
public class RightsConfirmBacking {

    @Inject
    private RightsService rights;

    @Inject
    private HttpServletRequest request;

    private String token;
    private boolean usable;
    private RightsDesk.Confirmed confirmed;
    private boolean tried;

    @PostConstruct
    void load() {
        token = request.getParameter("token");
        if (token == null) {
            token = request.getParameter("confirm:token");
        }
        usable = rights.isLinkUsable(token);
    }

    public String confirm() {
        tried = true;
        confirmed = rights.confirm(token).orElse(null);
        return null;
    }

    public boolean isUsable() {
        return usable;
    }

    public boolean isTried() {
        return tried;
    }

    /** What the link confirmed, null before the button or when it did not work. */
    public String getConfirmed() {
        return confirmed == null ? null : confirmed.name();
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }
}
