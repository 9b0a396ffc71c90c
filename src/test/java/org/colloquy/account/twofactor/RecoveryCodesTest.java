package org.colloquy.account.twofactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RecoveryCodesTest {

    @Test
    void tenCodesOfThreeGroupsOfFourFromTheUnambiguousAlphabet() {
        List<String> codes = RecoveryCodes.generate();
        assertEquals(10, codes.size());
        for (String code : codes) {
            assertTrue(code.matches("[23456789abcdefghjkmnpqrstuvwxyz]{4}(-[23456789abcdefghjkmnpqrstuvwxyz]{4}){3}"), code);
        }
    }

    @Test
    void theAlphabetHasNoCharacterThatIsMisreadOnPaper() {
        for (char confusing : "01ilo".toCharArray()) {
            assertEquals(-1, RecoveryCodes.ALPHABET.indexOf(confusing), String.valueOf(confusing));
        }
        assertEquals(31, RecoveryCodes.ALPHABET.length());
        assertEquals(31, RecoveryCodes.ALPHABET.chars().distinct().count());
    }

    @Test
    void codesAreUniqueWithinASetAndAcrossSets() {
        Set<String> seen = new HashSet<>();
        for (int set = 0; set < 200; set++) {
            List<String> codes = RecoveryCodes.generate();
            assertEquals(10, new HashSet<>(codes).size());
            codes.forEach(code -> assertTrue(seen.add(code), "repeated " + code));
        }
    }

    @Test
    void everyAlphabetCharacterTurnsUp() {
        Set<Character> used = new HashSet<>();
        for (int set = 0; set < 50; set++) {
            RecoveryCodes.generate().forEach(code -> code.chars().forEach(c -> used.add((char) c)));
        }
        used.remove('-');
        assertEquals(31, used.size(), "uniform draws from all 31 characters, not a subset");
    }

    @Test
    void normalisingIgnoresCaseSpacesAndDashes() {
        assertEquals("k7qmx2pd9tfa", RecoveryCodes.normalise("k7qm-x2pd-9tfa"));
        assertEquals("k7qmx2pd9tfa", RecoveryCodes.normalise(" K7QM X2PD 9TFA "));
        assertEquals("k7qmx2pd9tfa", RecoveryCodes.normalise("k7qm\u2013x2pd\u00a09tfa\n"));
        assertEquals("k7qmx2pd9tfa", RecoveryCodes.normalise("k7qmx2pd9tfa"));
        assertThrows(NullPointerException.class, () -> RecoveryCodes.normalise(null));
    }

    @Test
    void theHashIsSha256HexOfTheNormalisedCode() {
        // printf 'k7qmx2pd9tfa' | sha256sum
        assertEquals("8d0f1646d002cb0b9efacf21261942be683e71ee8661d53b17fc3354a0ef9299",
                RecoveryCodes.hash("k7qm-x2pd-9tfa"));
        assertEquals(RecoveryCodes.hash("k7qm-x2pd-9tfa"), RecoveryCodes.hash("K7QM X2PD 9TFA"));
        assertEquals(RecoveryCodes.hash("k7qm-x2pd-9tfa"), RecoveryCodes.hash("k7qmx2pd9tfa"));
        assertNotEquals(RecoveryCodes.hash("k7qm-x2pd-9tfa"), RecoveryCodes.hash("k7qm-x2pd-9tfb"));
        assertTrue(RecoveryCodes.hash("k7qm-x2pd-9tfa").matches("[0-9a-f]{64}"));
        assertFalse(RecoveryCodes.hash("k7qm-x2pd-9tfa").contains("k7qm"));
    }
}
