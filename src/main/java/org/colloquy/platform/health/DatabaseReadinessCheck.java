package org.colloquy.platform.health;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import org.colloquy.platform.persistence.DatabaseMigrator;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the portal ready on {@code /health/ready} only while the database answers, so a
 * balancer stops sending requests to a node that has lost it and resumes when it is back.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    private static final int TIMEOUT_SECONDS = 2;

    @Resource(lookup = DatabaseMigrator.DATA_SOURCE)
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("database");
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(TIMEOUT_SECONDS);
            return response.status(valid)
                    .withData("product", connection.getMetaData().getDatabaseProductName())
                    .build();
        } catch (SQLException e) {
            return response.down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
