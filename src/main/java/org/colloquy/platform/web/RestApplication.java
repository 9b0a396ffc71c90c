package org.colloquy.platform.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * The root of Colloquy's JSON API, {@code /api}. Each bounded context adds its resources under it;
 * MicroProfile OpenAPI describes them at {@code /openapi}. No answer carries personal data that the
 * same visitor could not see on the corresponding page.
 */
@ApplicationPath("api")
@OpenAPIDefinition(info = @Info(title = "Colloquy API", version = "1"))
public class RestApplication extends Application {
}
