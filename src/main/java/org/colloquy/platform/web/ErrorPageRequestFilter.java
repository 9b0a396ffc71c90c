package org.colloquy.platform.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Shows an error page to Faces as what it is: a new page, not a postback of the form that failed.
 * Without this, an error during a form POST (an expired view, say) re-enters Faces as a postback
 * of the error page, whose state never existed; PrimeFaces then finds no CSP nonce to reuse and
 * fails a second time, and the visitor gets a truncated page instead of the error page.
 */
@WebFilter(filterName = "ErrorPageRequestFilter", urlPatterns = "/WEB-INF/errorpages/*",
        dispatcherTypes = DispatcherType.ERROR)
public class ErrorPageRequestFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(new FreshGetRequest(request), response);
    }

    /** The failed request without its method and form parameters. */
    static final class FreshGetRequest extends HttpServletRequestWrapper {

        FreshGetRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }
    }
}
