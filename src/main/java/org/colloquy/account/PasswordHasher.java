package org.colloquy.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Turns passwords into PBKDF2-HMAC-SHA256 hashes and checks them. An encoded hash carries its own
 * algorithm, iteration count and salt ({@code pbkdf2-sha256$<iterations>$<salt>$<hash>}, Base64),
 * so old hashes keep verifying after the iteration count is raised and {@link #needsRehash} tells
 * when to store a fresh one.
 */
@ApplicationScoped
public class PasswordHasher {

    public static final String ALGORITHM = "pbkdf2-sha256";
    public static final int DEFAULT_ITERATIONS = 600_000;
    /** The lowest count {@value #ITERATIONS_KEY} may set; lower would make stolen hashes cheap to crack. */
    public static final int MINIMUM_CONFIGURED_ITERATIONS = 100_000;
    public static final String ITERATIONS_KEY = "colloquy.password.iterations";

    private static final String JCA_ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    /** Refuse to spend more than this on one stored hash, so a corrupted row cannot stall a sign-in. */
    private static final int MAXIMUM_ITERATIONS = 10_000_000;
    private static final Base64.Encoder BASE64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder BASE64_DECODER = Base64.getDecoder();

    /** Salt of the dummy verification; its value is irrelevant, only the work matters. */
    private static final byte[] DUMMY_SALT = "colloquy-dummy-s".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DUMMY_HASH = new byte[HASH_BYTES];

    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    /** The container's constructor: iterations from {@value #ITERATIONS_KEY}, {@value #DEFAULT_ITERATIONS} if unset. */
    public PasswordHasher() {
        this(configuredIterations(ConfigProvider.getConfig()
                .getOptionalValue(ITERATIONS_KEY, Integer.class).orElse(DEFAULT_ITERATIONS)));
    }

    /**
     * For tests and tools: any positive count, so unit tests can hash quickly. Production goes
     * through the no-argument constructor, which refuses counts below
     * {@value #MINIMUM_CONFIGURED_ITERATIONS}.
     */
    public PasswordHasher(int iterations) {
        if (iterations < 1 || iterations > MAXIMUM_ITERATIONS) {
            throw new IllegalArgumentException("PBKDF2 iterations must be between 1 and " + MAXIMUM_ITERATIONS
                    + ", but are " + iterations);
        }
        this.iterations = iterations;
    }

    static int configuredIterations(int configured) {
        if (configured < MINIMUM_CONFIGURED_ITERATIONS || configured > MAXIMUM_ITERATIONS) {
            throw new IllegalArgumentException(ITERATIONS_KEY + " (COLLOQUY_PASSWORD_ITERATIONS) must be between "
                    + MINIMUM_CONFIGURED_ITERATIONS + " and " + MAXIMUM_ITERATIONS + ", but is " + configured
                    + "; the default is " + DEFAULT_ITERATIONS);
        }
        return configured;
    }

    public int iterations() {
        return iterations;
    }

    /** @return the encoded hash of the password with a fresh random salt */
    public String hash(char[] password) {
        Objects.requireNonNull(password, "password to hash is null");
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = pbkdf2(password, salt, iterations, HASH_BYTES);
        return ALGORITHM + '$' + iterations + '$' + BASE64.encodeToString(salt) + '$' + BASE64.encodeToString(hash);
    }

    /**
     * @return whether the password matches the encoded hash; false for a hash this class cannot
     *         read (null, other algorithm, damaged), so a bad row refuses a sign-in instead of failing it
     */
    public boolean verify(char[] password, String encoded) {
        Objects.requireNonNull(password, "password to verify is null");
        Encoded parsed = Encoded.parse(encoded);
        if (parsed == null) {
            // Still do the work: a damaged row must not be told apart from a wrong password by timing.
            verifyDummy(password);
            return false;
        }
        byte[] actual = pbkdf2(password, parsed.salt, parsed.iterations, parsed.hash.length);
        return MessageDigest.isEqual(actual, parsed.hash);
    }

    /**
     * @return true when the hash should be replaced at the next successful sign-in: it uses fewer
     *         iterations than configured, another algorithm, or cannot be read
     */
    public boolean needsRehash(String encoded) {
        Encoded parsed = Encoded.parse(encoded);
        return parsed == null || parsed.iterations < iterations || parsed.hash.length != HASH_BYTES;
    }

    /**
     * Does the work of {@link #verify} for a sign-in whose account does not exist, so the answer
     * takes as long as for a real account and does not reveal which usernames and emails are taken.
     */
    public void verifyDummy(char[] password) {
        Objects.requireNonNull(password, "password to verify is null");
        MessageDigest.isEqual(pbkdf2(password, DUMMY_SALT, iterations, HASH_BYTES), DUMMY_HASH);
    }

    private static byte[] pbkdf2(char[] password, byte[] salt, int iterations, int bytes) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bytes * 8);
        try {
            return SecretKeyFactory.getInstance(JCA_ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(JCA_ALGORITHM + " is not available in this JVM; every Java 17 has it", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** A parsed encoded hash; {@link #parse} answers null rather than throwing for anything unreadable. */
    private record Encoded(int iterations, byte[] salt, byte[] hash) {

        static Encoded parse(String encoded) {
            if (encoded == null) {
                return null;
            }
            String[] parts = encoded.split("\\$", -1);
            if (parts.length != 4 || !ALGORITHM.equals(parts[0])) {
                return null;
            }
            try {
                int iterations = Integer.parseInt(parts[1]);
                byte[] salt = BASE64_DECODER.decode(parts[2]);
                byte[] hash = BASE64_DECODER.decode(parts[3]);
                if (iterations < 1 || iterations > MAXIMUM_ITERATIONS || salt.length == 0
                        || hash.length < 16 || hash.length > 64) {
                    return null;
                }
                return new Encoded(iterations, salt, hash);
            } catch (IllegalArgumentException e) { // NumberFormatException included
                return null;
            }
        }
    }
}
