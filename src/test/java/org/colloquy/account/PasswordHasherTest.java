package org.colloquy.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(1000);

    @Test
    void theRightPasswordVerifiesAndAWrongOneDoesNot() {
        String encoded = hasher.hash("correct horse battery staple".toCharArray());
        assertTrue(hasher.verify("correct horse battery staple".toCharArray(), encoded));
        assertFalse(hasher.verify("correct horse battery stapler".toCharArray(), encoded));
        assertFalse(hasher.verify("".toCharArray(), encoded));
    }

    @Test
    void theEncodedFormNamesAlgorithmIterationsSaltAndHash() {
        String[] parts = hasher.hash("secret phrase".toCharArray()).split("\\$");
        assertEquals(4, parts.length);
        assertEquals("pbkdf2-sha256", parts[0]);
        assertEquals("1000", parts[1]);
        assertEquals(16, Base64.getDecoder().decode(parts[2]).length);
        assertEquals(32, Base64.getDecoder().decode(parts[3]).length);
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTimeBecauseOfTheSalt() {
        char[] password = "same password".toCharArray();
        assertNotEquals(hasher.hash(password), hasher.hash(password));
    }

    @Test
    void nonAsciiPasswordsWork() {
        String encoded = hasher.hash("Grüße, 日本語 😀 passphrase".toCharArray());
        assertTrue(hasher.verify("Grüße, 日本語 😀 passphrase".toCharArray(), encoded));
        assertFalse(hasher.verify("Grusse, 日本語 😀 passphrase".toCharArray(), encoded));
    }

    @Test
    void aHashKeepsVerifyingWithItsOwnIterationsAfterTheCountIsRaised() {
        String old = new PasswordHasher(1000).hash("kept password".toCharArray());
        PasswordHasher stronger = new PasswordHasher(2000);
        assertTrue(stronger.verify("kept password".toCharArray(), old));
        assertTrue(stronger.needsRehash(old));
        assertFalse(stronger.needsRehash(stronger.hash("kept password".toCharArray())));
    }

    @Test
    void aHashWithMoreIterationsThanConfiguredNeedsNoRehash() {
        String stronger = new PasswordHasher(2000).hash("pw".toCharArray());
        assertFalse(hasher.needsRehash(stronger));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "garbage", "pbkdf2-sha256$1000$abc", "bcrypt$1000$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "pbkdf2-sha256$many$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "pbkdf2-sha256$-5$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "pbkdf2-sha256$999999999$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "pbkdf2-sha256$1000$not base64!$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAAAAAAA$",
            "pbkdf2-sha256$1000$$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA$extra"})
    void anUnreadableHashIsRefusedWithoutAnExceptionAndNeedsRehash(String encoded) {
        assertFalse(hasher.verify("password".toCharArray(), encoded));
        assertTrue(hasher.needsRehash(encoded));
    }

    @Test
    void theDummyVerificationDoesTheWorkAndAcceptsAnyPassword() {
        hasher.verifyDummy("whatever".toCharArray());
        hasher.verifyDummy(new char[0]);
    }

    @Test
    void aNullPasswordIsAProgrammingErrorWithAMessage() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> hasher.hash(null));
        assertTrue(e.getMessage().contains("password"), e.getMessage());
        assertThrows(NullPointerException.class, () -> hasher.verify(null, hasher.hash("x".toCharArray())));
    }

    @Test
    void theCallersPasswordArrayIsLeftAlone() {
        char[] password = "do not wipe me".toCharArray();
        hasher.verify(password, hasher.hash(password));
        assertEquals("do not wipe me", new String(password));
    }

    @Test
    void aConfiguredCountBelowOneHundredThousandIsRefusedWithTheKeyInTheMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PasswordHasher.configuredIterations(99_999));
        assertTrue(e.getMessage().contains("colloquy.password.iterations"), e.getMessage());
        assertTrue(e.getMessage().contains("99999"), e.getMessage());
        assertEquals(100_000, PasswordHasher.configuredIterations(100_000));
        assertEquals(600_000, PasswordHasher.configuredIterations(PasswordHasher.DEFAULT_ITERATIONS));
    }

    @Test
    void theTestConstructorRefusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(0));
    }
}
