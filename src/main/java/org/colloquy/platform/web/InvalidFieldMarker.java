package org.colloquy.platform.web;

import java.util.Map;

import jakarta.faces.component.UIInput;
import jakarta.faces.event.SystemEvent;
import jakarta.faces.event.SystemEventListener;

/**
 * Gives every standard Faces input that failed validation (a required field left empty, or a field
 * a service refused through {@link FormErrors#show}) {@code aria-invalid="true"}, so that a screen
 * reader announces it as invalid together with the message it is described by; a valid input
 * carries no such attribute. Registered in faces-config for {@code PreRenderComponentEvent}.
 * PrimeFaces inputs render the attribute themselves and are left alone.
 */
public class InvalidFieldMarker implements SystemEventListener {

    private static final String STANDARD_COMPONENTS = "jakarta.faces.component.html.";

    @Override
    public void processEvent(SystemEvent event) {
        UIInput input = (UIInput) event.getSource();
        Map<String, Object> passThrough = input.getPassThroughAttributes();
        if (input.isValid()) {
            passThrough.remove("aria-invalid");
        } else {
            passThrough.put("aria-invalid", "true");
        }
    }

    @Override
    public boolean isListenerForSource(Object source) {
        return source instanceof UIInput && source.getClass().getName().startsWith(STANDARD_COMPONENTS);
    }
}
