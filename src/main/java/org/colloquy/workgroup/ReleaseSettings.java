package org.colloquy.workgroup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How many days ahead a release must be planned, so that participants can answer its notice (P-RELEASE-3). */
@ApplicationScoped
public class ReleaseSettings {

    @Inject
    @ConfigProperty(name = "colloquy.workgroup.release-notice-days", defaultValue = "7")
    int noticeDays;

    public int noticeDays() {
        return Math.max(0, noticeDays);
    }
}
