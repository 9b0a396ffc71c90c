package org.colloquy.workgroup.web;

import java.io.IOException;

import jakarta.faces.context.FacesContext;

/**
 * What the request-scoped workgroup pages ({@link GroupBacking}, {@link ReleaseBacking}) share: the
 * id of what they show, read from the request, and "not found" for an id that names nothing.
 */
final class WorkgroupPages {

    private WorkgroupPages() {
    }

    /**
     * The group or release: from the address on a GET, from the form's hidden {@code id} on a
     * postback (the bean lives for one request), so that the page's conditions hold while the
     * postback is decoded. The service checks the caller's rights on every call whatever the id.
     *
     * @return the id, or null when the request has none or it is not a number
     */
    static Long requestedId() {
        String raw = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
        return raw != null && raw.matches("\\d{1,18}") ? Long.valueOf(raw) : null;
    }

    /** Answers 404 and renders nothing more. */
    static void notFound() throws IOException {
        FacesContext context = FacesContext.getCurrentInstance();
        context.getExternalContext().responseSendError(404, null);
        context.responseComplete();
    }
}
