package org.colloquy.platform.web;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;

/**
 * Creates the view of every GET request transient, so that anonymous readers get no HTTP session.
 * The layout's {@code <f:view transient="#{not stateful}">} only takes effect when the view is
 * built, which is after PrimeFaces has stored its CSP nonce in the view map before rendering, and
 * Mojarra keeps the view map in the HTTP session. A page with a form sets the layout's
 * {@code stateful} parameter, and the build then makes its view stateful again.
 */
public class StatelessViewHandler extends ViewHandlerWrapper {

    public StatelessViewHandler(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public UIViewRoot createView(FacesContext context, String viewId) {
        UIViewRoot view = super.createView(context, viewId);
        if (view != null && !context.isPostback()) {
            view.setTransient(true);
        }
        return view;
    }
}
