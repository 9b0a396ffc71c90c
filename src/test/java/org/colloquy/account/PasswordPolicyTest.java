package org.colloquy.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    // One instance for the class: building it loads nbvcxz's dictionaries.
    private static final PasswordPolicy POLICY = new PasswordPolicy();

    @ParameterizedTest
    @ValueSource(strings = {
            "trouble-garage-pencil-ocean",
            "sofa lamp river cactus",
            "grape unicorn mirror lantern",
            "oak-zebra-violin-magnet",
            "qx7Lp9vTz2Mk8RwA",
            "k9#Tq2!vLm4$Xp8z",
            "Xy7-Pq2-Lm9-Zr4w",
            "Grüße aus Köln, sagt die Straßenbahn"})
    void fourRandomWordsOrSixteenRandomCharactersPass(String password) {
        assertEquals(Optional.empty(), POLICY.problem(password, Locale.ENGLISH, "Jane Doe", "janedoe", "jane.doe@example.org"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "password1234", "qwertyuiop12", "correcthorse", "aaaaaaaaaaaa", "abababababab", "123456789012",
            "abcdefghijkl", "Password123!", "P@ssw0rd2024", "iloveyou2026", "Summer2024!!", "1q2w3e4r5t6y",
            "correct horse battery staple", "welcome12345", "mydogspot123", "baseball1987"})
    void commonPasswordsRepetitionsAndSequencesAreTooEasyToGuess(String password) {
        String problem = POLICY.problem(password, Locale.ENGLISH).orElseThrow(
                () -> new AssertionError(password + " was accepted"));
        assertTrue(problem.startsWith("This password is too easy to guess."), problem);
    }

    @Test
    void nbvcxzsOwnHintIsAppended() {
        String problem = POLICY.problem("aaaaaaaaaaaa", Locale.ENGLISH).orElseThrow();
        assertTrue(problem.contains("Repeats like \"aaa\" are easy to guess."), problem);
        assertTrue(problem.contains("Avoid repeated words and characters."), problem);
    }

    @ParameterizedTest
    @ValueSource(strings = {"JaneDoe2026!!", "janedoe12345", "jane.doe@example.org", "Doe.Jane.2026", "janedoe-janedoe"})
    void thePersonsOwnNameUsernameOrEmailIsTooEasyToGuess(String password) {
        String problem = POLICY.problem(password, Locale.ENGLISH, "Jane Doe", "janedoe", "jane.doe@example.org")
                .orElseThrow(() -> new AssertionError(password + " was accepted"));
        assertTrue(problem.contains("your name, username or email address"), problem);
    }

    @Test
    void theSamePasswordIsOnlyPersonalForThePersonItNames() {
        // "Zdzislaw" is in no dictionary, so only the exclusion list of the person named so makes it weak.
        String password = "zdzislawbrzeczyszczykiewicz";
        assertEquals(Optional.empty(), POLICY.problem(password, Locale.ENGLISH, "Jane Doe"));
        assertTrue(POLICY.problem(password, Locale.ENGLISH, "Zdzislaw Brzeczyszczykiewicz").isPresent());
    }

    @Test
    void tooShortSaysTheMinimumAndCountsCharactersNotUtf16Units() {
        assertEquals(Optional.of("Use at least 12 characters. A few unrelated words make a long password that is easy to remember."),
                POLICY.problem("short", Locale.ENGLISH));
        assertTrue(POLICY.problem(null, Locale.ENGLISH).orElseThrow().startsWith("Use at least 12 characters."));
        // Eleven emoji are 22 UTF-16 units but only 11 characters.
        assertTrue(POLICY.problem("😀".repeat(11), Locale.ENGLISH).orElseThrow().startsWith("Use at least 12"));
    }

    @Test
    void tooLongSaysTheMaximum() {
        String longest = "x7Qp".repeat(64);
        assertEquals(256, longest.length());
        assertTrue(POLICY.problem(longest, Locale.ENGLISH).filter(problem -> problem.contains("at most")).isEmpty(),
                "256 characters are allowed");
        assertEquals(Optional.of("Use at most 256 characters."), POLICY.problem(longest + "z", Locale.ENGLISH));
    }

    @Test
    void aLongPasswordIsJudgedByItsBeginning() {
        assertTrue(POLICY.problem("x".repeat(256), Locale.ENGLISH).isPresent());
        assertTrue(POLICY.problem("x".repeat(64) + "trouble-garage-pencil-ocean", Locale.ENGLISH).isPresent());
        assertEquals(Optional.empty(), POLICY.problem("trouble-garage-pencil-ocean " + "x".repeat(200), Locale.ENGLISH));
    }

    @Test
    void aLocaleWithoutItsOwnTextsGetsEnglishThroughout() {
        // No messages_de yet: both our sentence and nbvcxz's hint must be English, not half German.
        String problem = POLICY.problem("aaaaaaaaaaaa", Locale.GERMANY).orElseThrow();
        assertTrue(problem.startsWith("This password is too easy to guess."), problem);
        assertTrue(problem.contains("Repeats like \"aaa\""), problem);
    }

    @Test
    void userInputsBecomeWholeWordsAndTheirParts() {
        assertEquals(Set.of("jane doe", "jane", "doe", "jd_2026", "2026", "jane.doe@example.org", "jane.doe",
                "example", "org"), PasswordPolicy.userWords("Jane Doe", "JD_2026", null, " ", "jane.doe@example.org"));
        assertEquals(Set.of(), PasswordPolicy.userWords((String[]) null));
    }
}
