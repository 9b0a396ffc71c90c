package org.colloquy.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Promise P-CHILD-1: nobody under 13 registers, nobody under 16 in the European Economic Area. */
class AgeGateTest {

    /** EU-27, then Iceland, Liechtenstein and Norway, written out so a change to the list is a visible decision. */
    private static final List<String> EEA_MEMBERS = List.of(
            "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
            "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
            "IS", "LI", "NO");

    @Test
    void everyEeaMemberIsEeaAndNeedsSixteen() {
        assertEquals(30, EEA_MEMBERS.size());
        for (String code : EEA_MEMBERS) {
            assertTrue(AgeGate.isEea(code), code);
            assertTrue(AgeGate.isEea(code.toLowerCase(Locale.ROOT)), code + " in lower case");
            assertEquals(16, AgeGate.minimumAge(code), code);
            assertFalse(AgeGate.allows(code, AgeBand.FROM_13_TO_15), code);
            assertTrue(AgeGate.allows(code, AgeBand.SIXTEEN_OR_OLDER), code);
        }
    }

    @Test
    void noOtherCountryIsEea() {
        long eea = Locale.getISOCountries().length - AgeGate.countries(Locale.ENGLISH).stream()
                .filter(country -> !AgeGate.isEea(country.code())).count();
        assertEquals(EEA_MEMBERS.size(), eea);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GB", "CH", "US", "TR", "UA", "AD", "MC", "SM", "VA"})
    void theUkSwitzerlandAndOtherNeighboursAreNotEea(String code) {
        assertFalse(AgeGate.isEea(code));
        assertEquals(13, AgeGate.minimumAge(code));
    }

    @Test
    void thirteenToFifteenMayRegisterInTheUsButNotInGermany() {
        assertTrue(AgeGate.allows("US", AgeBand.FROM_13_TO_15));
        assertTrue(AgeGate.allows("us", AgeBand.FROM_13_TO_15));
        assertFalse(AgeGate.allows("DE", AgeBand.FROM_13_TO_15));
        assertFalse(AgeGate.allows("de", AgeBand.FROM_13_TO_15));
    }

    @Test
    void nobodyUnderThirteenMayRegisterAnywhere() {
        for (String code : Locale.getISOCountries()) {
            assertFalse(AgeGate.allows(code, AgeBand.UNDER_13), code);
            assertTrue(AgeGate.allows(code, AgeBand.SIXTEEN_OR_OLDER), code);
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"XX", "EU", "EL", "UK", "DEU", "D", "1A"})
    void anUnknownCountryIsRefusedRatherThanGuessed(String code) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AgeGate.allows(code, AgeBand.SIXTEEN_OR_OLDER));
        assertTrue(e.getMessage().contains("ISO 3166"), e.getMessage());
        assertFalse(AgeGate.isEea(code));
    }

    @Test
    void aMissingAgeBandIsAProgrammingError() {
        assertThrows(NullPointerException.class, () -> AgeGate.allows("US", null));
    }

    @Test
    void countriesAreNamedAndSortedInTheReadersLanguage() {
        List<AgeGate.Country> english = AgeGate.countries(Locale.ENGLISH);
        assertEquals(Locale.getISOCountries().length, english.size());
        assertTrue(english.contains(new AgeGate.Country("DE", "Germany")));
        assertTrue(indexOf(english, "AT") < indexOf(english, "DE"), "Austria before Germany");

        List<AgeGate.Country> german = AgeGate.countries(Locale.GERMAN);
        assertTrue(german.contains(new AgeGate.Country("DE", "Deutschland")));
        // Collation, not code-point order: Österreich sorts with O, before Polen, not after Zypern.
        assertTrue(indexOf(german, "AT") < indexOf(german, "PL"), "Österreich before Polen");
        assertTrue(indexOf(german, "AT") > indexOf(german, "NO"), "Österreich after Norwegen");
    }

    private static int indexOf(List<AgeGate.Country> countries, String code) {
        for (int i = 0; i < countries.size(); i++) {
            if (countries.get(i).code().equals(code)) {
                return i;
            }
        }
        throw new AssertionError(code + " not listed");
    }
}
