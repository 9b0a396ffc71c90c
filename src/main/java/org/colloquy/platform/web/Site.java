package org.colloquy.platform.web;

import java.time.Year;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What every page shows of the community itself: its name ({@code COLLOQUY_SITE_NAME}), the
 * address it is reached at ({@code COLLOQUY_SITE_URL}, for links in mail) and whether the portal
 * runs with demo content.
 */
@Named
@ApplicationScoped
public class Site {

    @Inject
    @ConfigProperty(name = "colloquy.site.name", defaultValue = "Colloquy")
    String name;

    @Inject
    @ConfigProperty(name = "colloquy.site.url", defaultValue = "http://localhost:8080")
    String url;

    @Inject
    @ConfigProperty(name = "colloquy.demo", defaultValue = "false")
    boolean demo;

    public String getName() {
        return name;
    }

    /**
     * The public address of the portal as members reach it, for absolute links in mail, e.g.
     * {@code https://community.example.org}: without a trailing slash, so that
     * {@code getUrl() + "/verify"} is a well-formed link.
     */
    public String getUrl() {
        String trimmed = url.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    public boolean isDemo() {
        return demo;
    }

    public int getYear() {
        return Year.now().getValue();
    }
}
