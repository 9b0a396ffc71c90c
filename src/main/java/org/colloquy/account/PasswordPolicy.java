package org.colloquy.account;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.matching.match.DictionaryMatch;
import me.gosimple.nbvcxz.resources.Configuration;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import me.gosimple.nbvcxz.resources.Feedback;
import me.gosimple.nbvcxz.scoring.Result;

/**
 * Decides whether a new password is acceptable: 12 to 256 characters and not easy to guess
 * according to nbvcxz, which also knows the person's own name, username and email. There are no
 * composition rules (NIST SP 800-63B); a refusal always comes with a sentence the person can act on.
 */
@ApplicationScoped
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 256;
    /**
     * Measured on nbvcxz 1.5.1: the weak passwords people pick (password1234, qwertyuiop12,
     * correcthorse, mydogspot123, a name plus digits) score at most 33 bits; four random words
     * separated by spaces or dashes scored at least 46 in 600 samples and 16 random characters at
     * least 57. 40 leaves a margin on both sides (nbvcxz's own default is 35).
     */
    public static final double MINIMUM_ENTROPY = 40.0;

    /**
     * nbvcxz judges only the beginning of a longer password, and gives up searching for the weakest
     * reading after 100 ms (its default is 500): repetitive input such as 256 times "x" otherwise
     * costs over half a second of CPU per call, which anyone could request. A long password whose
     * first 64 characters are weak is refused; that is a fair price.
     */
    static final int ESTIMATED_LENGTH = 64;
    static final long ESTIMATE_TIMEOUT_MILLIS = 100;

    private static final String MESSAGES = "org.colloquy.i18n.messages";
    private static final String NBVCXZ_FEEDBACK = "feedback";
    private static final String USER_DICTIONARY = "colloquy-user-inputs";
    /** Shorter fragments of a name or address match too much ordinary text to mean anything. */
    private static final int SHORTEST_USER_WORD = 3;

    /** Built once: the default dictionaries take a quarter of a second to load, matchers are stateless. */
    private final Configuration base = new ConfigurationBuilder()
            .setMinimumEntropy(MINIMUM_ENTROPY)
            .setMaxLength(ESTIMATED_LENGTH)
            .setCombinationAlgorithmTimeout(ESTIMATE_TIMEOUT_MILLIS)
            .createConfiguration();

    /**
     * @param password   the proposed password; null counts as empty
     * @param locale     the language of the answer
     * @param userInputs what others may know of the person (name, username, email); null and blank
     *                   entries are ignored
     * @return empty when the password is acceptable, otherwise why not, in the locale's language
     */
    public Optional<String> problem(String password, Locale locale, String... userInputs) {
        ResourceBundle messages = ResourceBundle.getBundle(MESSAGES, locale == null ? Locale.ROOT : locale);
        String candidate = password == null ? "" : password;
        int length = candidate.codePointCount(0, candidate.length());
        if (length < MIN_LENGTH) {
            return Optional.of(format(messages, "password.tooShort", MIN_LENGTH));
        }
        if (length > MAX_LENGTH) {
            return Optional.of(format(messages, "password.tooLong", MAX_LENGTH));
        }
        Result result = new Nbvcxz(configurationFor(messages.getLocale(), userInputs)).estimate(candidate);
        if (result.isMinimumEntropyMet()) {
            return Optional.empty();
        }
        boolean personal = result.getMatches().stream().anyMatch(match -> match instanceof DictionaryMatch dictionary
                && USER_DICTIONARY.equals(dictionary.getDictionaryName()));
        StringBuilder message = new StringBuilder(messages.getString(personal ? "password.personal" : "password.weak"));
        // nbvcxz's warning for a personal word is a misleading "top-10 common password"; ours says it better.
        if (!personal) {
            hints(result.getFeedback(), messages.getLocale()).forEach(hint -> message.append(' ').append(hint));
        }
        return Optional.of(message.toString());
    }

    /** A configuration per call, because the person's own words are part of nbvcxz's dictionaries. */
    private Configuration configurationFor(Locale locale, String... userInputs) {
        List<Dictionary> dictionaries = new ArrayList<>(base.getDictionaries());
        Set<String> words = userWords(userInputs);
        if (!words.isEmpty()) {
            DictionaryBuilder builder = new DictionaryBuilder().setDictionaryName(USER_DICTIONARY).setExclusion(true);
            words.forEach(word -> builder.addWord(word, 0));
            dictionaries.add(builder.createDictionary());
        }
        return new ConfigurationBuilder()
                .setPasswordMatchers(base.getPasswordMatchers())
                .setGuessTypes(base.getGuessTypes())
                .setDictionaries(dictionaries)
                .setAdjacencyGraphs(base.getAdjacencyGraphs())
                .setLeetTable(base.getLeetTable())
                .setYearPattern(base.getYearPattern())
                .setMinimumEntropy(base.getMinimumEntropy())
                .setMaxLength(base.getMaxLength())
                .setLocale(locale)
                .setDistanceCalc(base.isDistanceCalc())
                .setCombinationAlgorithmTimeout(base.getCombinationAlgorithmTimeout())
                .createConfiguration();
    }

    /** Each input whole, and its parts: "Jane Doe" also gives "jane" and "doe", an email its local part. */
    static Set<String> userWords(String... userInputs) {
        Set<String> words = new LinkedHashSet<>();
        if (userInputs == null) {
            return words;
        }
        for (String input : userInputs) {
            if (input == null || input.isBlank()) {
                continue;
            }
            String lower = input.strip().toLowerCase(Locale.ROOT);
            addWord(words, lower);
            int at = lower.lastIndexOf('@');
            if (at > 0) {
                addWord(words, lower.substring(0, at));
            }
            for (String part : lower.split("[^\\p{L}\\p{N}]+")) {
                addWord(words, part);
            }
        }
        return words;
    }

    private static void addWord(Set<String> words, String word) {
        if (word.length() >= SHORTEST_USER_WORD) {
            words.add(word);
        }
    }

    /**
     * nbvcxz's warning and suggestions, read from its bundle without falling back to the JVM's
     * default locale, so they are in the same language as our own sentence.
     */
    private static List<String> hints(Feedback feedback, Locale locale) {
        List<String> keys = new ArrayList<>();
        if (feedback.getWarningKey() != null) {
            keys.add(feedback.getWarningKey());
        }
        keys.addAll(feedback.getSuggestionKeys());
        ResourceBundle texts = ResourceBundle.getBundle(NBVCXZ_FEEDBACK, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        List<String> hints = new ArrayList<>();
        for (String key : keys) {
            try {
                hints.add(texts.getString(key));
            } catch (MissingResourceException e) {
                // A key of a newer nbvcxz without a text: the sentence before it still says enough.
            }
        }
        return hints;
    }

    private static String format(ResourceBundle messages, String key, Object... arguments) {
        return new MessageFormat(messages.getString(key), messages.getLocale()).format(arguments);
    }
}
