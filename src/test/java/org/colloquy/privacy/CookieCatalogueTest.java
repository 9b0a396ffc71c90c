package org.colloquy.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.colloquy.platform.i18n.Texts;
import org.junit.jupiter.api.Test;

/** P-COOKIE-1: the catalogue the cookie table shows is complete in words and lists strictly necessary cookies only. */
class CookieCatalogueTest {

    private final CookieCatalogue catalogue = new CookieCatalogue();

    @Test
    void everyCookieIsStrictlyNecessaryHiddenFromScriptsAndExplained_P_COOKIE_1() {
        assertFalse(catalogue.all().isEmpty());
        Set<String> names = new HashSet<>();
        for (CookieCatalogue.Cookie cookie : catalogue.all()) {
            assertTrue(names.add(cookie.name()), "listed once: " + cookie.name());
            assertTrue(cookie.necessary(), cookie.name() + " is strictly necessary: no consent banner is needed");
            assertTrue(cookie.httpOnly(), cookie.name());
            assertEquals("Lax", cookie.sameSite(), cookie.name());
            for (String part : new String[] {"purpose", "lifetime", "when"}) {
                assertFalse(Texts.get("cookieTable." + cookie.key() + "." + part).isBlank(), cookie.name() + " " + part);
            }
        }
        assertTrue(catalogue.named("JSESSIONID").isPresent());
    }
}
