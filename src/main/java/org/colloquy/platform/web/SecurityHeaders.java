package org.colloquy.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * The security headers every response carries, in one place. The Content-Security-Policy allows
 * nothing from outside the portal; PrimeFaces reads the same policy (context parameter
 * {@code primefaces.CSP_POLICY}) and appends a fresh nonce to its closing {@code script-src}
 * directive on each Faces page, so inline scripts run only when the server wrote them.
 * Why styles still allow {@code 'unsafe-inline'}: see docs/decisions/0004-security-headers.md.
 */
@Named
@ApplicationScoped
public class SecurityHeaders {

    /** Kept last so that PrimeFaces can append {@code 'nonce-…'} to it. */
    static final String SCRIPT_SRC = "script-src 'self'";

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "base-uri 'self'",
            "object-src 'none'",
            "frame-ancestors 'none'",
            "form-action 'self'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            "style-src 'self' 'unsafe-inline'",
            "connect-src 'self'",
            SCRIPT_SRC);

    static final String HSTS = "max-age=31536000; includeSubDomains";

    public String getContentSecurityPolicy() {
        return CONTENT_SECURITY_POLICY;
    }
}
