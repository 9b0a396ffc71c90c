package org.colloquy.privacy.breach;

import java.util.List;

/**
 * What the officer sees before sending: how many members are affected, a few of their usernames,
 * and the notice exactly as the first of them will read it.
 */
public record BreachPreview(int affected, List<String> someUsernames, String subject, String sampleBody) {

    public BreachPreview {
        someUsernames = List.copyOf(someUsernames);
    }
}
