package org.colloquy.moderation;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code colloquy.moderation.*}: how many flags from distinct established members hide a post
 * until it is reviewed ({@code hide-after-flags}), and how long a member must have been one to
 * count as established ({@code established-days}). The count of held first posts is the forum's
 * ({@code held-posts}, see {@code org.colloquy.forum.HeldPosts}).
 */
@ApplicationScoped
public class ModerationSettings {

    @Inject
    @ConfigProperty(name = "colloquy.moderation.hide-after-flags", defaultValue = "3")
    int hideAfterFlags;

    @Inject
    @ConfigProperty(name = "colloquy.moderation.established-days", defaultValue = "3")
    int establishedDays;

    public int hideAfterFlags() {
        return Math.max(1, hideAfterFlags);
    }

    public Duration established() {
        return Duration.ofDays(Math.max(0, establishedDays));
    }
}
