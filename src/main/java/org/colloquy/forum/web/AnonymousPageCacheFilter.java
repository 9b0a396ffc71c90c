package org.colloquy.forum.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Answers an anonymous reader's GET or HEAD of a forum page ({@code /forums}, {@code /c/*},
 * {@code /t/*}) or of a search result page ({@code /search?q=...}, decision 0049) from
 * {@link AnonymousPageCache} when a copy at most a few seconds old is there, and otherwise lets the
 * page render and keeps a copy of it. Only a request without any session (no session cookie, no
 * session, no Authorization, nobody signed in) is answered or kept, and only a 200 that set no cookie,
 * opened no session and was rendered for nobody is kept: a member's page, and so anything of a
 * members-only forum that search shows members, never comes from or goes into the cache.
 * The headers are replayed as they were sent, replacing those already set, so the page keeps the
 * Content-Security-Policy with the nonce its scripts carry. {@value #HEADER} says {@code hit},
 * {@code stale} (an expired copy, sent while another request renders the new one), {@code miss} or
 * {@code bypass} (not cacheable: a session, a cookie, another method, or a forum page asked for under
 * an address the forum does not link, such as a made-up query string:
 * {@link AnonymousPageCache#isLinkedAddress}). Only one request of the node
 * renders a page at a time; see {@link AnonymousPageCache#lookup}.
 */
@WebFilter(filterName = "AnonymousPageCacheFilter", urlPatterns = {"/forums", "/c/*", "/t/*", AnonymousPageCache.SEARCH},
        dispatcherTypes = DispatcherType.REQUEST)
public class AnonymousPageCacheFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** Says whether the cache answered: {@code hit}, {@code stale}, {@code miss} or {@code bypass}. */
    public static final String HEADER = "X-Colloquy-Cache";

    /** Headers that belong to one sending, not to the page. */
    private static final Set<String> NOT_KEPT = Set.of("set-cookie", "content-length", "date", "transfer-encoding",
            "connection", "keep-alive", HEADER.toLowerCase(Locale.ROOT));

    @Inject
    transient AnonymousPageCache cache;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean head = "HEAD".equals(request.getMethod());
        String key = key(request);
        if (!cache.isOn() || !(head || "GET".equals(request.getMethod())) || !anonymous(request)
                || !AnonymousPageCache.isLinkedAddress(key)) {
            if (cache.isOn()) {
                response.setHeader(HEADER, "bypass");
            }
            chain.doFilter(request, response);
            return;
        }
        AnonymousPageCache.Lookup lookup = cache.lookup(key, System.nanoTime(), !head);
        switch (lookup.state()) {
            case HIT, STALE -> {
                replay(lookup.page(), head, response, lookup.state() == AnonymousPageCache.State.HIT ? "hit" : "stale");
                return;
            }
            case WAIT -> {
                Optional<AnonymousPageCache.Page> rendered = cache.await(lookup.flight());
                if (rendered.isPresent()) {
                    replay(rendered.get(), head, response, "hit");
                    return;
                }
                // the rendering failed, was not kept, or took too long: render it here, as before
                response.setHeader(HEADER, "miss");
                render(request, response, chain, key, cache.generation(), null);
                return;
            }
            case MISS -> {
                response.setHeader(HEADER, "miss");
                chain.doFilter(request, response);
                return;
            }
            case RENDER -> {
                response.setHeader(HEADER, "miss");
                render(request, response, chain, key, lookup.flight().generation(), lookup.flight());
                return;
            }
            default -> throw new IllegalStateException(lookup.state().name());
        }
    }

    /**
     * Renders the page and keeps a copy if it may be kept; when this request claimed the rendering
     * ({@code flight}), hands the copy (or nothing) to the requests waiting for it, whatever happens.
     */
    private void render(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String key,
            long generation, AnonymousPageCache.Flight flight) throws IOException, ServletException {
        AnonymousPageCache.Page page = null;
        try {
            long started = System.nanoTime();
            CopyingResponse copying = new CopyingResponse(response, cache);
            chain.doFilter(request, copying);
            copying.flushWriter();
            if (response.getStatus() == HttpServletResponse.SC_OK && !copying.tooBig && !copying.error
                    && request.getSession(false) == null && request.getUserPrincipal() == null
                    && !response.containsHeader("Set-Cookie") && !noStore(response)) {
                page = new AnonymousPageCache.Page(started, HttpServletResponse.SC_OK, headers(response),
                        copying.copy.toByteArray());
            }
        } finally {
            if (flight != null) {
                cache.finish(flight, page);
            } else if (page != null) {
                cache.put(key, page, generation);
            }
        }
    }

    /** No session, nothing that could name one, and nobody signed in. */
    static boolean anonymous(HttpServletRequest request) {
        if (request.getHeader("Authorization") != null || request.getSession(false) != null || request.getUserPrincipal() != null) {
            return false;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (cookie.getName().toUpperCase(Locale.ROOT).startsWith("JSESSIONID")) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The address as the reader sent it (path and query string, nothing normalized), within the
     * application, and whether it came over HTTPS (the page then carries Strict-Transport-Security).
     */
    static String key(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String query = request.getQueryString();
        boolean https = request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
        return path + (query == null ? "" : "?" + query) + (https ? " https" : "");
    }

    private static boolean noStore(HttpServletResponse response) {
        String cacheControl = response.getHeader("Cache-Control");
        return cacheControl != null && (cacheControl.contains("no-store") || cacheControl.contains("private"));
    }

    private static List<Map.Entry<String, List<String>>> headers(HttpServletResponse response) {
        List<Map.Entry<String, List<String>>> headers = new ArrayList<>();
        for (String name : response.getHeaderNames()) {
            if (!NOT_KEPT.contains(name.toLowerCase(Locale.ROOT))) {
                headers.add(new AbstractMap.SimpleImmutableEntry<>(name, List.copyOf(response.getHeaders(name))));
            }
        }
        return List.copyOf(headers);
    }

    private static void replay(AnonymousPageCache.Page page, boolean head, HttpServletResponse response, String state)
            throws IOException {
        response.setStatus(page.status());
        for (Map.Entry<String, List<String>> header : page.headers()) {
            boolean first = true;
            for (String value : header.getValue()) {
                if (first) {
                    response.setHeader(header.getKey(), value);
                    first = false;
                } else {
                    response.addHeader(header.getKey(), value);
                }
            }
        }
        response.setHeader(HEADER, state);
        response.setContentLength(page.body().length);
        if (!head) {
            response.getOutputStream().write(page.body());
        }
    }

    /** Sends everything as usual and keeps a copy of the bytes, up to the largest page kept. */
    static final class CopyingResponse extends HttpServletResponseWrapper {

        final ByteArrayOutputStream copy = new ByteArrayOutputStream(16 * 1024);
        private final AnonymousPageCache cache;
        boolean tooBig;
        boolean error;
        private ServletOutputStream stream;
        private PrintWriter writer;

        CopyingResponse(HttpServletResponse response, AnonymousPageCache cache) {
            super(response);
            this.cache = cache;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (writer != null) {
                throw new IllegalStateException("getWriter() was called already");
            }
            return stream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                if (stream != null) {
                    throw new IllegalStateException("getOutputStream() was called already");
                }
                writer = new PrintWriter(new OutputStreamWriter(stream(), getCharacterEncoding()), false);
            }
            return writer;
        }

        private ServletOutputStream stream() throws IOException {
            if (stream == null) {
                ServletOutputStream real = super.getOutputStream();
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        real.write(b);
                        keep(new byte[] {(byte) b}, 0, 1);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        real.write(b, off, len);
                        keep(b, off, len);
                    }

                    @Override
                    public void flush() throws IOException {
                        real.flush();
                    }

                    @Override
                    public boolean isReady() {
                        return real.isReady();
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        real.setWriteListener(listener);
                    }
                };
            }
            return stream;
        }

        private void keep(byte[] b, int off, int len) {
            if (tooBig) {
                return;
            }
            if (!cache.fits((long) copy.size() + len)) {
                tooBig = true;
                copy.reset();
                return;
            }
            copy.write(b, off, len);
        }

        void flushWriter() {
            if (writer != null) {
                writer.flush();
            }
        }

        @Override
        public void flushBuffer() throws IOException {
            flushWriter();
            super.flushBuffer();
        }

        @Override
        public void resetBuffer() {
            super.resetBuffer();
            copy.reset();
        }

        @Override
        public void reset() {
            super.reset();
            copy.reset();
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            error = true;
            super.sendError(sc, msg);
        }

        @Override
        public void sendError(int sc) throws IOException {
            error = true;
            super.sendError(sc);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            error = true;
            super.sendRedirect(location);
        }
    }
}
