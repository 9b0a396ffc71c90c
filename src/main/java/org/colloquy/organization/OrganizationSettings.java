package org.colloquy.organization;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long members are told ahead before an organization that claims their email domain sees them
 * ({@code colloquy.organization.notice-days}, default 14), and how long a mailed claim link works.
 */
@ApplicationScoped
public class OrganizationSettings {

    @Inject
    @ConfigProperty(name = "colloquy.organization.notice-days", defaultValue = "14")
    int noticeDays;

    public int noticeDays() {
        return Math.max(0, noticeDays);
    }

    public Duration linkLifetime() {
        return Duration.ofHours(48);
    }
}
