package org.colloquy.platform.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.colloquy.platform.persistence.DatabaseMigrator;

/** {@code GET /api/site}: what the portal is and which schema it runs on, for monitoring and clients. */
@Path("site")
@RequestScoped
public class SiteResource {

    @Inject
    Site site;

    @Inject
    DatabaseMigrator migrator;

    /** The public description of this portal. */
    public record SiteInfo(String name, String schemaVersion) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public SiteInfo describe() {
        return new SiteInfo(site.getName(), migrator.schemaVersion());
    }
}
