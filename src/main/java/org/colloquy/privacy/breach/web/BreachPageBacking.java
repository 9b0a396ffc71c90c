package org.colloquy.privacy.breach.web;

import java.io.IOException;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.privacy.breach.BreachDesk;
import org.colloquy.privacy.breach.BreachNotice;

/**
 * {@code /breach?id=N}: the public notice of a sent breach, for anyone, without a session. An
 * unknown or unsent id answers 404.
 */
@Named
@RequestScoped
public class BreachPageBacking {

    @Inject
    private BreachDesk desk;

    private String id;
    private BreachNotice notice;

    /** View action: the notice, or the not-found page. */
    public void load() throws IOException {
        notice = id == null || !id.matches("[0-9]{1,18}") ? null : desk.publicNotice(Long.parseLong(id)).orElse(null);
        if (notice == null) {
            FacesContext context = FacesContext.getCurrentInstance();
            context.getExternalContext().responseSendError(404, null);
            context.responseComplete();
        }
    }

    public BreachNotice getNotice() {
        return notice;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
