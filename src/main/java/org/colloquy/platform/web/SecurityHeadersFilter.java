package org.colloquy.platform.web;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Puts the security headers on every response of the portal: Content-Security-Policy,
 * X-Content-Type-Options, Referrer-Policy, X-Frame-Options, Permissions-Policy, and
 * Strict-Transport-Security when the request came over HTTPS (directly or through a proxy that
 * says so), and {@code Cache-Control: no-store} on every page served within an HTTP session. A Faces page's policy, written by PrimeFaces with its nonce, replaces the default one
 * instead of adding a second, stricter policy that would block the page's own scripts.
 */
@WebFilter(filterName = "SecurityHeadersFilter", urlPatterns = "/*", asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR, DispatcherType.ASYNC})
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String CSP = "Content-Security-Policy";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader(CSP, SecurityHeaders.CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        if (servedOverHttps(request)) {
            response.setHeader("Strict-Transport-Security", SecurityHeaders.HSTS);
        }
        if (request.getSession(false) != null && !StaticResources.isRequested(request)) {
            // A page shown in a session (a signed-in member's, a half-filled form) is never kept by the
            // browser or a proxy, so the back button after signing out cannot show it again.
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, new SinglePolicyResponse(response));
    }

    static boolean servedOverHttps(HttpServletRequest request) {
        return request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
    }

    /** Turns a second Content-Security-Policy into a replacement of the first. */
    static final class SinglePolicyResponse extends HttpServletResponseWrapper {

        SinglePolicyResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addHeader(String name, String value) {
            if (CSP.equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            } else {
                super.addHeader(name, value);
            }
        }
    }
}
