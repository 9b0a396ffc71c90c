package org.colloquy.platform.web;

import java.io.IOException;
import java.util.Iterator;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.render.RenderKit;
import jakarta.faces.render.RenderKitFactory;
import jakarta.faces.render.RenderKitWrapper;
import jakarta.faces.render.Renderer;
import jakarta.faces.render.RendererWrapper;

import org.primefaces.context.PrimeFacesContext;
import org.primefaces.util.Constants;

/**
 * Writes the page's CSP nonce into every form as the hidden field {@code primefaces.nonce}, so that
 * PrimeFaces accepts the form's postback. PrimeFaces normally adds that field with its own
 * JavaScript, which pages without PrimeFaces components do not load; a form must work without
 * script too. The nonce is the one already in the page's Content-Security-Policy header.
 */
public class NonceFormRenderKitFactory extends RenderKitFactory {

    private static final String FORM_FAMILY = "jakarta.faces.Form";

    public NonceFormRenderKitFactory(RenderKitFactory wrapped) {
        super(wrapped);
    }

    @Override
    public void addRenderKit(String renderKitId, RenderKit renderKit) {
        getWrapped().addRenderKit(renderKitId, renderKit);
    }

    @Override
    public RenderKit getRenderKit(FacesContext context, String renderKitId) {
        RenderKit renderKit = getWrapped().getRenderKit(context, renderKitId);
        return renderKit == null ? null : new NonceFormRenderKit(renderKit);
    }

    @Override
    public Iterator<String> getRenderKitIds() {
        return getWrapped().getRenderKitIds();
    }

    static final class NonceFormRenderKit extends RenderKitWrapper {

        NonceFormRenderKit(RenderKit wrapped) {
            super(wrapped);
        }

        @Override
        public Renderer getRenderer(String family, String rendererType) {
            Renderer renderer = getWrapped().getRenderer(family, rendererType);
            return FORM_FAMILY.equals(family) && renderer != null ? new NonceFormRenderer(renderer) : renderer;
        }
    }

    static final class NonceFormRenderer extends RendererWrapper {

        NonceFormRenderer(Renderer wrapped) {
            super(wrapped);
        }

        @Override
        public void encodeEnd(FacesContext context, UIComponent component) throws IOException {
            ResponseWriter writer = context.getResponseWriter();
            writer.startElement("input", null);
            writer.writeAttribute("type", "hidden", null);
            writer.writeAttribute("name", Constants.RequestParams.NONCE_PARAM, null);
            writer.writeAttribute("value", PrimeFacesContext.getCspState(context).getNonce(), null);
            writer.endElement("input");
            super.encodeEnd(context, component);
        }
    }
}
