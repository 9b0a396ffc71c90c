package org.colloquy.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailsTest {

    @Test
    void theKeyIsTrimmedAndLowerCase() {
        assertEquals("jane.doe@example.org", Emails.key("  Jane.Doe@Example.ORG \n"));
        assertEquals("info@istanbul.example", Emails.key("INFO@ISTANBUL.EXAMPLE"));
        assertThrows(NullPointerException.class, () -> Emails.key(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane@example.org", "jane.doe+forum@mail.example.co.uk", "j@x.io", " jane@example.org ",
            "o'brien@example.ie", "jürgen@bücher.example", "JANE@EXAMPLE.ORG"})
    void plausibleAddresses(String email) {
        assertTrue(Emails.looksValid(email), email);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "jane", "jane@", "@example.org", "jane@example", "jane@@example.org",
            "jane@doe@example.org", "jane doe@example.org", "jane@exa mple.org", "jane@.example.org",
            "jane@example.org.", "jane@example..org", "jane\t@example.org", "jane@example.org\u0000x",
            "jane\u00a0doe@example.org"})
    void implausibleAddresses(String email) {
        assertFalse(Emails.looksValid(email), email);
    }

    @Test
    void atMost254Characters() {
        String domain = "@example.org"; // 12 characters
        assertTrue(Emails.looksValid("a".repeat(242) + domain));
        assertFalse(Emails.looksValid("a".repeat(243) + domain));
    }
}
