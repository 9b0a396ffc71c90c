package org.colloquy.policy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which pages a member who owes an acceptance may still open (P-POLICY-1), and where accepting leads. */
class PolicyGateFilterTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "", "/index", "/privacy", "/privacy/v/1", "/privacy/versions", "/rules", "/cookies.xhtml",
            "/policy-update", "/forums", "/forums/general/12", "/u/ada", "/sign-out", "/signed-out", "/sign-in",
            "/account/export", "/account/export.json", "/account/delete", "/account/delete-confirm", "/account/privacy",
            "/account/deactivate", "/reactivate", "/deactivated"})
    void publicPagesSigningOutExportAndDeletionStayOpen(String path) {
        assertTrue(PolicyGateFilter.isOpen(path), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/account", "/account/sessions", "/account/two-factor", "/admin/members", "/admin/policies",
            "/privacyx", "/forumsx", "/account/e"})
    void memberPagesAreGated(String path) {
        assertFalse(PolicyGateFilter.isOpen(path), path);
    }

    @ParameterizedTest
    @CsvSource({"/account/sessions,/account/sessions", "/account?x=1,/account?x=1", "//evil.example,/", "/\\evil.example,/",
            "https://evil.example,/", "'',/", "/policy-update?next=/x,/"})
    void afterAcceptingOnlyAPathOnThisSite(String next, String expected) {
        assertEquals(expected, PolicyGateFilter.safeNext(next));
    }
}
