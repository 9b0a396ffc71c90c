package org.colloquy.account.twofactor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One-time recovery codes for a person who has lost their authenticator: ten codes such as
 * {@code k7qm-x2pd-9tfa-h3nw}, shown once and stored only as hashes. The alphabet leaves out characters
 * that are misread on paper (0 o 1 l i), and a code is compared however it is typed: any case,
 * with or without spaces and dashes.
 */
public final class RecoveryCodes {

    public static final int COUNT = 10;
    public static final String ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
    public static final int GROUPS = 4;
    public static final int GROUP_LENGTH = 4;

    /** Spaces and dashes people type or copy between the groups, and any other white space. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\p{Z}\\-\\u2010-\\u2015]+");

    private RecoveryCodes() {
    }

    /** @return ten different codes, each 4 groups of 4 characters (about 79 bits: out of reach of a brute-force search of unsalted hashes) */
    public static List<String> generate() {
        // A SecureRandom per call keeps the class free of shared state; it reads the OS pool.
        SecureRandom random = new SecureRandom();
        Set<String> codes = new LinkedHashSet<>();
        while (codes.size() < COUNT) {
            codes.add(code(random));
        }
        return List.copyOf(codes);
    }

    /** @return the code lower-cased, without spaces and dashes: the form that is hashed and compared */
    public static String normalise(String code) {
        Objects.requireNonNull(code, "recovery code is null");
        return SEPARATORS.matcher(code).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /**
     * @return the SHA-256 of the normalised code as 64 hex digits. Unsalted, which is acceptable
     *         because a code is random, not chosen by a person.
     */
    public static String hash(String code) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(normalise(code).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM; every Java 17 has it", e);
        }
    }

    private static String code(SecureRandom random) {
        StringBuilder code = new StringBuilder(GROUPS * (GROUP_LENGTH + 1));
        for (int group = 0; group < GROUPS; group++) {
            if (group > 0) {
                code.append('-');
            }
            for (int i = 0; i < GROUP_LENGTH; i++) {
                code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
        }
        return code.toString();
    }
}
