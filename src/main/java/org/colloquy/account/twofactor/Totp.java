package org.colloquy.account.twofactor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.util.Utils;

/**
 * Time-based one-time passwords (RFC 6238: SHA-1, 6 digits, 30 s) for the second sign-in factor,
 * the variant every authenticator app understands. A code is accepted one step early or late for
 * clock drift, and {@link #verify} answers the step it matched so the caller can store it and refuse
 * that code, or any older one, a second time.
 */
@ApplicationScoped
public class Totp {

    public static final int DIGITS = 6;
    public static final int PERIOD_SECONDS = 30;
    /** 32 base32 characters are 160 bits, the key length RFC 4226 recommends for HMAC-SHA1. */
    public static final int SECRET_LENGTH = 32;
    /** What to pass as {@code lastUsedStep} for a secret whose codes were never used. */
    public static final long NEVER_USED = -1;

    private static final int ALLOWED_DRIFT_STEPS = 1;
    /** Also no-break and thin spaces, which apps put between the two halves of a code that gets copied. */
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");
    private static final Pattern CODE = Pattern.compile("[0-9]{" + DIGITS + "}");

    private final Clock clock;
    private final DefaultSecretGenerator secrets = new DefaultSecretGenerator(SECRET_LENGTH);
    private final CodeGenerator codes = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);
    private final ZxingPngQrGenerator qrCodes = new ZxingPngQrGenerator();

    public Totp() {
        this(Clock.systemUTC());
    }

    /** @param clock the time codes are checked against; tests fix it */
    public Totp(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock is null");
    }

    /** @return a new random secret, 32 base32 characters */
    public String newSecret() {
        return secrets.generate();
    }

    /**
     * @return the {@code otpauth://totp/...} URI an authenticator app reads from the QR code
     */
    public String otpauthUri(String secret, String accountLabel, String issuer) {
        return qrData(secret, accountLabel, issuer).getUri();
    }

    /** @return the QR code of {@link #otpauthUri} as a PNG {@code data:} URI, for an {@code <img src>} */
    public String qrDataUri(String secret, String accountLabel, String issuer) {
        try {
            return Utils.getDataUriForImage(qrCodes.generate(qrData(secret, accountLabel, issuer)),
                    qrCodes.getImageMimeType());
        } catch (QrGenerationException e) {
            throw new IllegalStateException("Could not draw the QR code of the TOTP secret for " + accountLabel, e);
        }
    }

    /** @return the current time step: seconds since 1970 divided by 30 */
    public long currentStep() {
        return Math.floorDiv(clock.millis() / 1000, PERIOD_SECONDS);
    }

    /**
     * @param secret       the account's base32 secret
     * @param code         what the person typed; spaces are ignored ("123 456")
     * @param lastUsedStep the step returned by the last successful verification, or {@link #NEVER_USED}
     * @return the time step the code belongs to (store it as the new {@code lastUsedStep}); empty when
     *         the code is wrong, outside the ±1 step window, or of a step not after {@code lastUsedStep}
     */
    public OptionalLong verify(String secret, String code, long lastUsedStep) {
        Objects.requireNonNull(secret, "TOTP secret is null");
        if (code == null) {
            return OptionalLong.empty();
        }
        String typed = SPACES.matcher(code).replaceAll("");
        if (!CODE.matcher(typed).matches()) {
            return OptionalLong.empty();
        }
        byte[] typedBytes = typed.getBytes(StandardCharsets.US_ASCII);
        long current = currentStep();
        // Newest step first: should two steps share a code, the later step is the one stored,
        // so that code cannot be replayed within the window.
        OptionalLong matched = OptionalLong.empty();
        for (long step = current + ALLOWED_DRIFT_STEPS; step >= current - ALLOWED_DRIFT_STEPS; step--) {
            boolean equal = MessageDigest.isEqual(codeAt(secret, step).getBytes(StandardCharsets.US_ASCII), typedBytes);
            if (equal && matched.isEmpty()) {
                matched = OptionalLong.of(step);
            }
        }
        // A used step refuses its code even if an older step shares it: that is the replay.
        return matched.isPresent() && matched.getAsLong() > lastUsedStep ? matched : OptionalLong.empty();
    }

    /** @return the code of a time step; public for tests and tools that need a valid code */
    public String codeAt(String secret, long step) {
        try {
            return codes.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalArgumentException("The TOTP secret is not usable base32: " + e.getMessage(), e);
        }
    }

    private static QrData qrData(String secret, String accountLabel, String issuer) {
        return new QrData.Builder()
                .secret(Objects.requireNonNull(secret, "TOTP secret is null"))
                .label(Objects.requireNonNull(accountLabel, "account label is null"))
                .issuer(Objects.requireNonNull(issuer, "issuer is null"))
                .algorithm(HashingAlgorithm.SHA1)
                .digits(DIGITS)
                .period(PERIOD_SECONDS)
                .build();
    }
}
