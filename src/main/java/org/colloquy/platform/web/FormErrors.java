package org.colloquy.platform.web;

import java.util.Map;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.component.UISelectMany;
import jakarta.faces.component.html.HtmlInputSecret;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;

/**
 * Shows problems a service found next to the fields they concern: each message is attached to
 * {@code <formId>:<field>} and that input is marked invalid (so it gets {@code aria-invalid} from
 * {@link InvalidFieldMarker} and the error style) and keeps what the member typed. A problem whose
 * field is not in the form is shown at the top of the form.
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
                keepTyped(context, input);
                input.setValid(false);
                context.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
            } else {
                context.addMessage(formId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
            }
        });
        context.validationFailed();
    }

    /**
     * An input marked invalid is rendered from its submitted value, which the model update has
     * already cleared once the value reached the bean; without this the refused field would come
     * back empty. Passwords are never written back into the page.
     */
    private static void keepTyped(FacesContext context, UIInput input) {
        if (input.getSubmittedValue() != null || input instanceof UISelectMany || input instanceof HtmlInputSecret) {
            return;
        }
        Object value = input.getValue();
        if (value == null) {
            return;
        }
        Converter<Object> converter = input.getConverter();
        input.setSubmittedValue(converter != null ? converter.getAsString(context, input, value) : value.toString());
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
