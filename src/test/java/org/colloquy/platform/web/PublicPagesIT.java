package org.colloquy.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.colloquy.platform.config.DatabaseKind;
import org.colloquy.test.Portal;
import org.colloquy.test.PortalExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the portal sends an anonymous visitor, byte for byte: no session cookie (P-COOKIE-1: only
 * strictly necessary cookies, and a reader needs none), the security headers, clean URLs, and the
 * operational endpoints.
 */
@ExtendWith(PortalExtension.class)
class PublicPagesIT {

    private static final List<String> PUBLIC_PAGES = List.of("/", "/forums", "/events", "/workgroups", "/testimonials",
            "/privacy", "/rules", "/cookies", "/signed-out", "/register-done", "/search", "/search?q=colloquy",
            "/rights", "/report-child", "/rights-confirm?token=unknown-link");

    /** Pages with a form: the form needs a session, and nothing else. */
    private static final List<String> FORM_PAGES = List.of("/sign-in", "/register", "/forgot-password");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** P-COOKIE-1: an anonymous visit sets no cookie at all, on any public page or the not-found page. */
    @Test
    void anAnonymousReaderGetsNoCookie_P_COOKIE_1(Portal portal) throws Exception {
        for (String path : concat(PUBLIC_PAGES, "/no-such-page", "/u/no-such-member")) {
            HttpResponse<String> response = get(portal, path);
            assertEquals(path.contains("no-such") ? 404 : 200, response.statusCode(), path);
            assertEquals(List.of(), response.headers().allValues("Set-Cookie"), "cookies set by " + path);
        }
    }

    /**
     * P-COOKIE-1: a page with a form (sign in, join) sets the session cookie the form needs, which is
     * strictly necessary, and nothing else; it is HttpOnly and SameSite=Lax.
     */
    @Test
    void aFormPageSetsOnlyTheSessionCookieItNeeds_P_COOKIE_1(Portal portal) throws Exception {
        for (String path : FORM_PAGES) {
            HttpResponse<String> response = get(portal, path);
            assertEquals(200, response.statusCode(), path);
            List<String> cookies = response.headers().allValues("Set-Cookie");
            assertFalse(cookies.isEmpty(), path + " needs a session for its form");
            for (String cookie : cookies) {
                assertTrue(cookie.startsWith("JSESSIONID"), path + " sets only session cookies: " + cookie);
                assertTrue(cookie.contains("HttpOnly"), cookie);
            }
            assertTrue(cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).allMatch(c -> c.toLowerCase(java.util.Locale.ROOT).contains("samesite=lax")),
                    path + ": " + cookies);
            assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""), path);
        }
    }

    /** The dev mailbox shows every member's mail with its one-time links: outside demo mode it does not exist. */
    @Test
    void theDevMailboxIsNotFoundOutsideDemoMode(Portal portal) throws Exception {
        HttpResponse<String> response = get(portal, "/dev/mailbox");
        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("<h1>Page not found</h1>"), "the site's not-found page");
        assertFalse(response.body().contains("Dev mailbox"), "nothing of the mailbox shows");
        assertEquals(List.of(), response.headers().allValues("Set-Cookie"));
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders(Portal portal) throws Exception {
        for (String path : concat(PUBLIC_PAGES, "/no-such-page", "/jakarta.faces.resource/css/site.css.xhtml?ln=colloquy")) {
            HttpResponse<String> response = get(portal, path);
            List<String> policies = response.headers().allValues("Content-Security-Policy");
            assertEquals(1, policies.size(), "exactly one Content-Security-Policy on " + path + ": " + policies);
            String policy = policies.get(0);
            assertTrue(policy.contains("default-src 'self'") && policy.contains("frame-ancestors 'none'"), path + ": " + policy);
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null), path);
            assertEquals("same-origin", response.headers().firstValue("Referrer-Policy").orElse(null), path);
            assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElse(null), path);
            assertTrue(response.headers().firstValue("Strict-Transport-Security").isEmpty(), "no HSTS over plain HTTP on " + path);
        }
    }

    @Test
    void aFacesPagePolicyAllowsOnlyItsOwnNoncedScripts(Portal portal) throws Exception {
        HttpResponse<String> response = get(portal, "/");
        String policy = response.headers().firstValue("Content-Security-Policy").orElseThrow();
        String nonce = policy.replaceAll(".*'nonce-([^']+)'.*", "$1");
        assertFalse(nonce.equals(policy), "the page's policy names a nonce: " + policy);
        assertTrue(response.body().contains("<script nonce=\"" + nonce + "\""), "inline scripts carry the header's nonce");
        assertFalse(response.body().matches("(?s).*<script(?![^>]*nonce=)[^>]*>[^<]+</script>.*"), "no inline script without a nonce");
        assertFalse(response.body().matches("(?s).*\\son(click|load|change|submit)=.*"), "no inline event handlers");
    }

    @Test
    void behindAnHttpsProxyTheBrowserIsToldToStayOnHttps(Portal portal) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(portal.uri("/"))
                .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.headers().firstValue("Strict-Transport-Security").orElse("").startsWith("max-age="));
    }

    @Test
    void pagesAreServedWithoutAnExtension(Portal portal) throws Exception {
        HttpResponse<String> old = get(portal, "/cookies.xhtml");
        assertEquals(301, old.statusCode());
        assertTrue(old.headers().firstValue("Location").orElse("").endsWith("/cookies"));
        assertTrue(get(portal, "/cookies").body().contains("<h1>Cookies</h1>"));
    }

    @Test
    void noPageLinksAnythingOutsideThePortal(Portal portal) throws Exception {
        for (String path : PUBLIC_PAGES) {
            String body = get(portal, path).body();
            assertFalse(body.matches("(?s).*(src|href)=\"(https?:)?//.*"), path + " links another site");
        }
    }

    @Test
    void readinessReportsTheDatabaseAndMetricsAndOpenApiAnswer(Portal portal) throws Exception {
        HttpResponse<String> ready = get(portal, "/health/ready");
        assertEquals(200, ready.statusCode());
        assertTrue(ready.body().replace(" ", "").contains("\"name\":\"database\",\"status\":\"UP\""), ready.body());
        String expected = DatabaseKind.fromUrl(System.getenv("COLLOQUY_DB_URL")) == DatabaseKind.POSTGRESQL ? "PostgreSQL" : "H2";
        assertTrue(ready.body().replace(" ", "").contains("\"product\":\"" + expected + "\""),
                "the portal runs on the database the environment names (" + expected + "): " + ready.body());
        assertEquals(200, get(portal, "/metrics").statusCode());
        HttpResponse<String> openApi = get(portal, "/openapi");
        assertEquals(200, openApi.statusCode());
        assertTrue(openApi.body().contains("/api/site"), openApi.body());
        HttpResponse<String> site = get(portal, "/api/site");
        assertEquals(200, site.statusCode());
        assertTrue(site.body().replace(" ", "").contains("\"name\":\"Colloquy\""), site.body());
    }

    private HttpResponse<String> get(Portal portal, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(portal.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> concat(List<String> list, String... more) {
        return java.util.stream.Stream.concat(list.stream(), java.util.stream.Stream.of(more)).toList();
    }
}
