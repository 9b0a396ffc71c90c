package org.colloquy.privacy;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * Every cookie the portal sets, with why and for how long (P-COOKIE-1): the list the cookie table
 * shows ({@code WEB-INF/includes/cookie-table.xhtml}) and the tests hold the portal to. All are
 * strictly necessary, so none needs consent and there is no consent banner. A change that makes the
 * portal set another cookie must add it here, or the cookie tests fail.
 */
@Named
@ApplicationScoped
public class CookieCatalogue {

    /**
     * One cookie.
     *
     * @param name      the cookie's name as the browser shows it
     * @param key       the text keys {@code cookieTable.<key>.purpose}, {@code .lifetime} and {@code .when}
     * @param necessary strictly necessary for a feature the visitor asked for (no consent needed)
     * @param httpOnly  hidden from scripts in the page
     * @param sameSite  the SameSite attribute the portal sets
     */
    public record Cookie(String name, String key, boolean necessary, boolean httpOnly, String sameSite) {
    }

    private static final List<Cookie> COOKIES = List.of(
            // The servlet container's session cookie (web.xml cookie-config, glassfish-web.xml SameSite):
            // the signed-in session (SignedIn) and the saved state of the page's forms (Faces view state).
            new Cookie("JSESSIONID", "session", true, true, "Lax"),
            // Payara's version of the session for a distributable application (web.xml <distributable/>):
            // a node that receives the request compares it with its copy of the session and loads the
            // current one from the data grid when its own is older. Set beside JSESSIONID.
            new Cookie("JSESSIONIDVERSION", "sessionVersion", true, true, "Lax"));

    public List<Cookie> all() {
        return COOKIES;
    }

    public Optional<Cookie> named(String name) {
        return COOKIES.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
