package org.colloquy.forum;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many of a member's first posts wait for a moderator's approval ({@code colloquy.moderation.held-posts},
 * 0 turns holding off). Read once from configuration; in-container tests change it on their own
 * node with {@link #setCount} and put it back (the test harness runs with it off, so that other
 * contexts' tests, whose members are new, post straight through).
 */
@ApplicationScoped
public class HeldPosts {

    @Inject
    @ConfigProperty(name = "colloquy.moderation.held-posts", defaultValue = "2")
    int configured;

    private volatile int count;

    @PostConstruct
    void init() {
        count = Math.max(0, configured);
    }

    public int count() {
        return count;
    }

    /** For tests only. */
    public void setCount(int count) {
        this.count = Math.max(0, count);
    }
}
