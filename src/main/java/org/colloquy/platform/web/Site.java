package org.colloquy.platform.web;

import java.time.Year;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What every page shows of the community itself: its name ({@code COLLOQUY_SITE_NAME}) and
 * whether the portal runs with demo content.
 */
@Named
@ApplicationScoped
public class Site {

    @Inject
    @ConfigProperty(name = "colloquy.site.name", defaultValue = "Colloquy")
    String name;

    @Inject
    @ConfigProperty(name = "colloquy.demo", defaultValue = "false")
    boolean demo;

    public String getName() {
        return name;
    }

    public boolean isDemo() {
        return demo;
    }

    public int getYear() {
        return Year.now().getValue();
    }
}
