package org.colloquy.policy;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ejb.ApplicationException;

/**
 * A version the policy service refused: for each form field concerned, a message an administrator
 * can act on. Nothing is published.
 */
@ApplicationException(rollback = true)
public class PolicyInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final LinkedHashMap<String, String> problems;

    public PolicyInputException(Map<String, String> problems) {
        super(String.join(" ", problems.values()));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("A refusal needs at least one problem");
        }
        this.problems = new LinkedHashMap<>(problems);
    }

    /** Field id ({@code summary}) to message, in the order of the form. */
    public Map<String, String> problems() {
        return new LinkedHashMap<>(problems);
    }
}
