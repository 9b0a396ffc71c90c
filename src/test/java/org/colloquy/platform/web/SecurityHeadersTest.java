package org.colloquy.platform.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    private final String policy = new SecurityHeaders().getContentSecurityPolicy();

    private List<String> directives() {
        return Arrays.stream(policy.split(";")).map(String::trim).toList();
    }

    @Test
    void scriptSrcComesLastSoPrimeFacesCanAppendItsNonce() {
        List<String> directives = directives();
        assertTrue(directives.get(directives.size() - 1).startsWith("script-src "), policy);
    }

    @Test
    void nothingIsLoadedFromAnotherSite() {
        assertFalse(policy.contains("http:") || policy.contains("https:") || policy.contains("*"), policy);
        assertTrue(directives().contains("default-src 'self'"), policy);
    }

    @Test
    void noPageCanBeFramedAndNoPluginRuns() {
        assertTrue(directives().contains("frame-ancestors 'none'"), policy);
        assertTrue(directives().contains("object-src 'none'"), policy);
    }

    @Test
    void scriptsNeverRunInlineWithoutANonce() {
        String scriptSrc = directives().stream().filter(d -> d.startsWith("script-src")).findFirst().orElseThrow();
        assertFalse(scriptSrc.contains("unsafe-inline") || scriptSrc.contains("unsafe-eval"), scriptSrc);
    }
}
