package org.colloquy.platform.validation;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ejb.ApplicationException;

/**
 * Input a service refused, in any context: for each form field concerned, a message a person can
 * act on (already in the site's language). The page shows each message next to its field
 * ({@code FormErrors.show}); the transaction rolls back, so nothing is saved.
 */
@ApplicationException(rollback = true)
public class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final LinkedHashMap<String, String> problems;

    public InvalidInputException(String field, String message) {
        this(Map.of(field, message));
    }

    public InvalidInputException(Map<String, String> problems) {
        super(String.join(" ", problems.values()));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("An invalid input needs at least one problem");
        }
        this.problems = new LinkedHashMap<>(problems);
    }

    /** Field id (such as {@code username}) to message, in the order the form shows the fields. */
    public Map<String, String> problems() {
        return new LinkedHashMap<>(problems);
    }
}
