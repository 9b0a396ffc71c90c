package org.colloquy.platform.web;

import jakarta.servlet.http.HttpServletRequest;

/** Which requests are for static files (stylesheets, scripts, images), which need no session handling. */
public final class StaticResources {

    private StaticResources() {
    }

    public static boolean isRequested(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/jakarta.faces.resource/") || path.startsWith("/resources/") || path.equals("/favicon.ico");
    }
}
