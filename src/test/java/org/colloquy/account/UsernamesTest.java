package org.colloquy.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsernamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"jane", "Jane_Doe", "j.doe-2026", "abc", "abcdefghijklmnopqrstuvwxyz0123", "admin2", "moderators", "JaneAdmin"})
    void acceptableUsernames(String username) {
        assertEquals(Optional.empty(), Usernames.problemKey(username));
    }

    @Test
    void lengthIsThreeToThirty() {
        assertEquals(Optional.of("username.tooShort"), Usernames.problemKey(null));
        assertEquals(Optional.of("username.tooShort"), Usernames.problemKey(""));
        assertEquals(Optional.of("username.tooShort"), Usernames.problemKey("ab"));
        assertEquals(Optional.empty(), Usernames.problemKey("abc"));
        assertEquals(Optional.empty(), Usernames.problemKey("a".repeat(30)));
        assertEquals(Optional.of("username.tooLong"), Usernames.problemKey("a".repeat(31)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane doe", "jane@doe", "jäne", "Ja\u0301ne", "jane/doe", "jane\tdoe", "жанна", "ｊａｎｅ", "jane+1"})
    void onlyAsciiLettersDigitsAndUnderscoreDotDash(String username) {
        assertEquals(Optional.of("username.characters"), Usernames.problemKey(username));
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "ADMIN", "Ad.min", "a-d_m.i-n", "Administrator", "mod", "no-reply", "noreply",
            "no_reply", "Colloquy", "root", "www", "all", "null", "undefined", "sponsor", "Post.Master", "web-master"})
    void reservedNamesAreRefusedWhateverTheirCaseAndPunctuation(String username) {
        assertEquals(Optional.of("username.reserved"), Usernames.problemKey(username));
        assertTrue(Usernames.isReserved(username));
    }

    @Test
    void theKeyIsLowerCaseWithoutTheServersLocale() {
        assertEquals("jane_doe", Usernames.key("Jane_Doe"));
        // In a Turkish locale "I".toLowerCase() would be a dotless ı; the key must not depend on that.
        assertEquals("ironman", Usernames.key("IRONMAN"));
        assertEquals(Usernames.key("JaneDoe"), Usernames.key("janedoe"));
        assertThrows(NullPointerException.class, () -> Usernames.key(null));
    }

    @Test
    void everyProblemKeyHasAnEnglishTextThatStatesTheLimits() {
        ResourceBundle messages = ResourceBundle.getBundle("org.colloquy.i18n.messages", Locale.ENGLISH);
        assertTrue(messages.getString("username.tooShort").contains(String.valueOf(Usernames.MIN)));
        assertTrue(messages.getString("username.tooLong").contains(String.valueOf(Usernames.MAX)));
        assertTrue(messages.getString("username.characters").contains("_ . -"));
        assertTrue(!messages.getString("username.reserved").isBlank());
    }
}
