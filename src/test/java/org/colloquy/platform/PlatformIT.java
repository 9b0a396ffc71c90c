package org.colloquy.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;

import org.colloquy.platform.demo.DemoSeeder;
import org.colloquy.platform.demo.TestDemoContents;
import org.colloquy.platform.health.DatabaseReadinessCheck;
import org.colloquy.platform.persistence.DatabaseMigrator;
import org.colloquy.test.Deployments;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The platform inside the real container: schema migration at start-up, the readiness check,
 * the demo seeder, and the error pages a visitor sees when something fails.
 */
@ExtendWith(ArquillianExtension.class)
class PlatformIT {

    private static final String FORM_PAGE = """
            <ui:composition xmlns="http://www.w3.org/1999/xhtml" xmlns:ui="jakarta.faces.facelets"
                            xmlns:h="jakarta.faces.html" template="/WEB-INF/templates/layout.xhtml">
                <ui:param name="stateful" value="true"/>
                <ui:define name="title">Form</ui:define>
                <ui:define name="content">
                    <h:form id="form"><h:commandButton id="send" value="Send"/></h:form>
                </ui:define>
            </ui:composition>
            """;

    @Deployment
    static WebArchive deployment() {
        return Deployments.portal()
                .addClasses(FailingServlet.class, TestDemoContents.class, TestDemoContents.Sample.class,
                        TestDemoContents.Failing.class)
                .addAsWebResource(new StringAsset(FORM_PAGE), "test-form.xhtml");
    }

    @Resource(lookup = DatabaseMigrator.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    DatabaseMigrator migrator;

    @Inject
    DemoSeeder seeder;

    @Inject
    @Readiness
    DatabaseReadinessCheck readiness;

    @ArquillianResource
    URL base;

    @Test
    void everyMigrationIsAppliedAtStartUp() throws Exception {
        MigrationInfoService info = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource).locations("classpath:db/migration").load().info();
        assertNotNull(info.current(), "a schema version is recorded");
        assertEquals(0, info.pending().length, "no migration is left pending");
        assertEquals(info.current().getVersion().getVersion(), migrator.schemaVersion());
        try (Connection connection = dataSource.getConnection();
                ResultSet tables = connection.getMetaData().getTables(null, null, "demo_seed", null)) {
            assertTrue(tables.next(), "the demo_seed table from V1 exists");
        }
    }

    @Test
    void readinessReportsTheDatabaseUp() {
        HealthCheckResponse response = readiness.call();
        assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
        assertEquals("database", response.getName());
    }

    @Test
    void demoContentIsSeededOnceAndAFailingContributionLeavesNothing() {
        List<String> first = seeder.seedAll();
        assertEquals(List.of(TestDemoContents.SAMPLE), first, "only the working contribution is reported seeded");
        List<String> recorded = seeder.seededNames();
        assertTrue(recorded.contains(TestDemoContents.SAMPLE));
        assertTrue(recorded.contains(TestDemoContents.SAMPLE_MARKER), "the contribution's own writes commit with it");
        assertFalse(recorded.contains(TestDemoContents.FAILING), "a failed contribution is not recorded as seeded");
        assertFalse(recorded.contains(TestDemoContents.FAILING_MARKER), "a failed contribution's writes roll back");

        List<String> second = seeder.seedAll();
        assertEquals(List.of(), second, "a second run seeds nothing again");
    }

    @Test
    @RunAsClient
    void aServerErrorShowsAPlainPageAndNoStackTrace() throws Exception {
        HttpResponse<String> response = get("test/failure");
        assertEquals(500, response.statusCode());
        String body = response.body();
        assertTrue(body.contains("Something went wrong"), body);
        assertTrue(body.contains("<main"), "the error page uses the site layout");
        for (String leak : List.of(FailingServlet.INTERNAL_DETAIL, "IllegalStateException", "at org.", "at jakarta.",
                "Payara", "Stack")) {
            assertFalse(body.contains(leak), "the page must not show '" + leak + "'");
        }
    }

    @Test
    @RunAsClient
    void aRefusedRequestShowsTheNotAllowedPage() throws Exception {
        HttpResponse<String> response = get("test/forbidden");
        assertEquals(403, response.statusCode());
        assertTrue(response.body().contains("<h1>Not allowed</h1>"), mainOf(response.body()));
        assertFalse(response.body().contains(FailingServlet.INTERNAL_DETAIL), "the refusal's internal message stays in the log");
    }

    @Test
    @RunAsClient
    void anExpiredFormShowsWhatToDoNext() throws Exception {
        HttpResponse<String> page = get("test-form");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("JSESSIONID=")),
                "a page that declares itself stateful keeps its state in a session");

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.toURI().resolve("test-form"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("form=form&form%3Asend=Send&jakarta.faces.ViewState=-123%3A456"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.body().contains("This page has expired"), mainOf(response.body()));
        assertFalse(response.body().contains("could not be restored"), "the exception's own message stays in the log");
    }

    @Test
    @RunAsClient
    void theHomePageRendersInTheLayout() throws Exception {
        HttpResponse<String> response = get("");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("<title>Home · Colloquy</title>"), response.body());
        assertTrue(response.body().contains("href=\"#main\""), "skip link");
    }

    private static String mainOf(String page) {
        int start = page.indexOf("<title>");
        int main = page.indexOf("<main");
        return (start < 0 ? "" : page.substring(start, page.indexOf("</title>") + 8)) + " "
                + (main < 0 ? page : page.substring(main, Math.min(page.length(), main + 600)));
    }

    private HttpResponse<String> get(String path) throws Exception {
        URI uri = base.toURI().resolve(path);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
