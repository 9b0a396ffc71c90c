package org.colloquy.account;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The age check of promise P-CHILD-1: nobody under 13 may register, and nobody under 16 who lives
 * in the European Economic Area (where the GDPR's age of consent for online services may be set up
 * to 16). Countries are ISO 3166 alpha-2 codes; a code the JDK does not know is refused rather than
 * guessed, because a wrong guess could let a child in.
 */
public final class AgeGate {

    /** The age below which nobody may register anywhere. */
    public static final int MINIMUM_AGE = 13;
    /** The age below which nobody living in the EEA may register. */
    public static final int MINIMUM_AGE_EEA = 16;

    /** EU-27 plus Iceland, Liechtenstein and Norway. Greece is GR in ISO 3166 (the EU writes EL). */
    private static final Set<String> EEA = Set.of(
            "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
            "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
            "IS", "LI", "NO");

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    /** A country to choose from: its ISO code and its name in the reader's language. */
    public record Country(String code, String name) {

        public Country {
            Objects.requireNonNull(code, "country code is null");
            Objects.requireNonNull(name, "country name is null");
        }
    }

    private AgeGate() {
    }

    /** @return whether the country is in the European Economic Area; false for null and unknown codes */
    public static boolean isEea(String countryCode) {
        return countryCode != null && EEA.contains(countryCode.strip().toUpperCase(Locale.ROOT));
    }

    /**
     * @return 16 in the EEA, 13 elsewhere
     * @throws IllegalArgumentException for a code that is not an ISO 3166 alpha-2 country
     */
    public static int minimumAge(String countryCode) {
        return isEea(known(countryCode)) ? MINIMUM_AGE_EEA : MINIMUM_AGE;
    }

    /**
     * @return whether a person of that age band living in that country may register
     * @throws IllegalArgumentException for a code that is not an ISO 3166 alpha-2 country
     */
    public static boolean allows(String countryCode, AgeBand band) {
        Objects.requireNonNull(band, "age band is null");
        return band.lowestAge() >= minimumAge(countryCode);
    }

    /** @return every ISO 3166 country with its name in the locale's language, sorted as that language sorts */
    public static List<Country> countries(Locale locale) {
        Locale language = locale == null ? Locale.ROOT : locale;
        // A Collator is not thread-safe: one per call.
        Collator collator = Collator.getInstance(language);
        return ISO_COUNTRIES.stream()
                .map(code -> new Country(code, new Locale("", code).getDisplayCountry(language)))
                .sorted(Comparator.comparing(Country::name, collator).thenComparing(Country::code))
                .toList();
    }

    private static String known(String countryCode) {
        String code = countryCode == null ? "" : countryCode.strip().toUpperCase(Locale.ROOT);
        if (!ISO_COUNTRIES.contains(code)) {
            throw new IllegalArgumentException("Not an ISO 3166 alpha-2 country code: '" + countryCode
                    + "'; expected two letters such as DE or US");
        }
        return code;
    }
}
