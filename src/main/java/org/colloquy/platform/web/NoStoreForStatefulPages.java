package org.colloquy.platform.web;

import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.SystemEvent;
import jakarta.faces.event.SystemEventListener;

/**
 * Marks a Faces page {@code Cache-Control: no-store} when it is rendered within an HTTP session:
 * a page with a form (its view state lives in the session) or any page of a signed-in member.
 * {@link SecurityHeadersFilter} does the same when the session existed before the request; this
 * catches the page whose own form opens the session. Registered for {@code PreRenderViewEvent},
 * which comes after the view is built and before anything is written.
 */
public class NoStoreForStatefulPages implements SystemEventListener {

    @Override
    public void processEvent(SystemEvent event) {
        FacesContext context = FacesContext.getCurrentInstance();
        ExternalContext external = context.getExternalContext();
        if (!context.getViewRoot().isTransient() || external.getSession(false) != null) {
            external.setResponseHeader("Cache-Control", "no-store");
        }
    }

    @Override
    public boolean isListenerForSource(Object source) {
        return source instanceof UIViewRoot;
    }
}
