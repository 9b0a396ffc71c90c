package org.colloquy.rights.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.rights.RightsDesk;
import org.colloquy.rights.RightsService;

/**
 * {@code /rights-confirm?token=}, the page the mailed link of a rights request or under-age report
 * opens. Opening it changes nothing (mail scanners open links); the person presses the button,
 * which uses the link once.
 */
@Named
@RequestScoped
public class RightsConfirmBacking {

    @Inject
    private RightsService rights;

    private String token;
    private RightsDesk.Confirmed confirmed;
    private boolean tried;

    public String confirm() {
        tried = true;
        confirmed = rights.confirm(token).orElse(null);
        return null;
    }

    public boolean isUsable() {
        return rights.isLinkUsable(token);
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
