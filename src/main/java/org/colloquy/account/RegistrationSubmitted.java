package org.colloquy.account;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fired synchronously while a registration is checked, after the account's own fields and before
 * anything is looked up or stored, so that another context can refuse it for a field of its own:
 * the policy context refuses a form that showed a privacy policy no longer in force. An observer
 * calls {@link #refuse}; the registration then fails like any other invalid input, and the answer
 * is the same whether or not the address is registered.
 */
public final class RegistrationSubmitted {

    private final Integer privacyPolicyVersion;
    private final Map<String, String> problems = new LinkedHashMap<>();

    RegistrationSubmitted(Integer privacyPolicyVersion) {
        this.privacyPolicyVersion = privacyPolicyVersion;
    }

    /** The privacy policy version the form showed, or null when it showed none. */
    public Integer privacyPolicyVersion() {
        return privacyPolicyVersion;
    }

    /** Refuses the registration with a message for the person, shown next to {@code field}. */
    public void refuse(String field, String message) {
        problems.putIfAbsent(field, message);
    }

    Map<String, String> problems() {
        return problems;
    }
}
