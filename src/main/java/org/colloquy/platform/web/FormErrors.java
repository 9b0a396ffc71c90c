package org.colloquy.platform.web;

import java.util.Map;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;

/**
 * Shows problems a service found next to the fields they concern: each message is attached to
 * {@code <formId>:<field>} and that input is marked invalid (so it gets {@code aria-invalid} and
 * the error style). A problem whose field is not in the form is shown at the top of the form.
 */
public final class FormErrors {

    private FormErrors() {
    }

    public static void show(String formId, Map<String, String> problems) {
        FacesContext context = FacesContext.getCurrentInstance();
        problems.forEach((field, message) -> {
            String clientId = formId + ":" + field;
            UIComponent component = context.getViewRoot().findComponent(clientId);
            if (component instanceof UIInput input) {
                input.setValid(false);
                context.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
            } else {
                context.addMessage(formId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
            }
        });
        context.validationFailed();
    }

    /** A message for the whole form, shown above its fields. */
    public static void general(String formId, String message) {
        FacesContext.getCurrentInstance().addMessage(formId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }

    /** A confirmation for the form, shown above its fields. */
    public static void done(String formId, String message) {
        FacesContext.getCurrentInstance().addMessage(formId, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
    }
}
