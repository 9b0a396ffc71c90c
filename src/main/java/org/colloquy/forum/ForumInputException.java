package org.colloquy.forum;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ejb.ApplicationException;

/**
 * Input the forum refused: for each form field concerned ({@code title}, {@code body}, {@code slug} ...),
 * a message a person can act on. Nothing is written; the form keeps what was typed.
 */
@ApplicationException(rollback = true)
public class ForumInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final LinkedHashMap<String, String> problems;

    public ForumInputException(Map<String, String> problems) {
        super(String.join(" ", problems.values()));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("A refusal needs at least one problem");
        }
        this.problems = new LinkedHashMap<>(problems);
    }

    public Map<String, String> problems() {
        return new LinkedHashMap<>(problems);
    }
}
