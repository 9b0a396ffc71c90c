package org.colloquy.account.twofactor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.OptionalLong;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;

import org.junit.jupiter.api.Test;

class TotpTest {

    /** The RFC 6238 appendix B key, "12345678901234567890" in ASCII, as base32. */
    private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    private static final long NOW = 1_234_567_890L; // RFC 6238 test time; step 41152263
    private static final long STEP = NOW / 30;

    private static Totp at(long epochSecond) {
        return new Totp(Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    @Test
    void codesMatchTheRfc6238TestVectors() {
        // Appendix B gives 8 digits; a 6-digit code is their last six.
        Totp totp = at(0);
        assertEquals("287082", totp.codeAt(RFC_SECRET, 59 / 30));
        assertEquals("081804", totp.codeAt(RFC_SECRET, 1_111_111_109L / 30));
        assertEquals("050471", totp.codeAt(RFC_SECRET, 1_111_111_111L / 30));
        assertEquals("005924", totp.codeAt(RFC_SECRET, 1_234_567_890L / 30));
        assertEquals("279037", totp.codeAt(RFC_SECRET, 2_000_000_000L / 30));
    }

    @Test
    void theCurrentCodeIsAcceptedAndAnswersItsStep() {
        assertEquals(OptionalLong.of(STEP), at(NOW).verify(RFC_SECRET, "005924", Totp.NEVER_USED));
        assertEquals(STEP, at(NOW).currentStep());
    }

    @Test
    void spacesInTheCodeAreIgnored() {
        assertEquals(OptionalLong.of(STEP), at(NOW).verify(RFC_SECRET, " 005 924 ", Totp.NEVER_USED));
        assertEquals(OptionalLong.of(STEP), at(NOW).verify(RFC_SECRET, "005\u00a0924", Totp.NEVER_USED));
        assertEquals(OptionalLong.of(STEP), at(NOW).verify(RFC_SECRET, "005\u2009924\t", Totp.NEVER_USED));
    }

    @Test
    void oneStepOfDriftEitherWayIsAllowedButNotTwo() {
        Totp totp = at(NOW);
        String previous = totp.codeAt(RFC_SECRET, STEP - 1);
        String next = totp.codeAt(RFC_SECRET, STEP + 1);
        assertEquals(OptionalLong.of(STEP - 1), totp.verify(RFC_SECRET, previous, Totp.NEVER_USED));
        assertEquals(OptionalLong.of(STEP + 1), totp.verify(RFC_SECRET, next, Totp.NEVER_USED));
        assertEquals(OptionalLong.empty(), totp.verify(RFC_SECRET, totp.codeAt(RFC_SECRET, STEP - 2), Totp.NEVER_USED));
        assertEquals(OptionalLong.empty(), totp.verify(RFC_SECRET, totp.codeAt(RFC_SECRET, STEP + 2), Totp.NEVER_USED));
    }

    @Test
    void aCodeGeneratedNowStillWorksTwentyNineSecondsIntoTheNextStep() {
        String code = at(NOW).codeAt(RFC_SECRET, STEP);
        long laterInNextStep = (STEP + 2) * 30 - 1;
        assertEquals(OptionalLong.of(STEP), at(laterInNextStep).verify(RFC_SECRET, code, Totp.NEVER_USED));
        assertEquals(OptionalLong.empty(), at(laterInNextStep + 1).verify(RFC_SECRET, code, Totp.NEVER_USED));
    }

    @Test
    void aCodeCannotBeUsedTwice() {
        Totp totp = at(NOW);
        long used = totp.verify(RFC_SECRET, "005924", Totp.NEVER_USED).orElseThrow();
        assertEquals(OptionalLong.empty(), totp.verify(RFC_SECRET, "005924", used));
    }

    @Test
    void anOlderCodeIsRefusedOnceANewerOneWasUsed() {
        Totp totp = at(NOW);
        String previous = totp.codeAt(RFC_SECRET, STEP - 1);
        long used = totp.verify(RFC_SECRET, "005924", Totp.NEVER_USED).orElseThrow();
        assertEquals(OptionalLong.empty(), totp.verify(RFC_SECRET, previous, used));
        // ... while the next step's code is still welcome.
        assertEquals(OptionalLong.of(STEP + 1), totp.verify(RFC_SECRET, totp.codeAt(RFC_SECRET, STEP + 1), used));
    }

    @Test
    void wrongMalformedAndMissingCodesAreRefused() {
        Totp totp = at(NOW);
        for (String code : new String[] {null, "", "      ", "005925", "05924", "0059245", "OO5924", "００５９２４", "005-924",
                "-05924"}) {
            assertEquals(OptionalLong.empty(), totp.verify(RFC_SECRET, code, Totp.NEVER_USED), String.valueOf(code));
        }
        assertEquals(OptionalLong.empty(), totp.verify(totp.newSecret(), "005924", Totp.NEVER_USED));
    }

    @Test
    void aMissingSecretIsAProgrammingError() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> at(NOW).verify(null, "005924", -1));
        assertTrue(e.getMessage().contains("secret"), e.getMessage());
    }

    @Test
    void secretsAre32Base32CharactersAndDiffer() {
        Totp totp = new Totp();
        String secret = totp.newSecret();
        assertTrue(secret.matches("[A-Z2-7]{32}"), secret);
        assertNotEquals(secret, totp.newSecret());
        // A fresh secret works with the real clock.
        assertTrue(totp.verify(secret, totp.codeAt(secret, totp.currentStep()), Totp.NEVER_USED).isPresent());
    }

    @Test
    void theOtpauthUriCarriesSecretLabelIssuerAndParameters() {
        String uri = at(NOW).otpauthUri(RFC_SECRET, "jane doe", "Colloquy Community");
        assertTrue(uri.startsWith("otpauth://totp/jane%20doe?"), uri);
        assertTrue(uri.contains("secret=" + RFC_SECRET), uri);
        assertTrue(uri.contains("issuer=Colloquy%20Community"), uri);
        assertTrue(uri.contains("algorithm=SHA1") && uri.contains("digits=6") && uri.contains("period=30"), uri);
    }

    @Test
    void theQrCodeIsAPngDataUriThatScansToTheOtpauthUri() throws IOException, NotFoundException {
        Totp totp = at(NOW);
        String dataUri = totp.qrDataUri(RFC_SECRET, "janedoe", "Colloquy");
        String prefix = "data:image/png;base64,";
        assertTrue(dataUri.startsWith(prefix), dataUri.substring(0, 40));
        byte[] png = Base64.getDecoder().decode(dataUri.substring(prefix.length()));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        String scanned = new MultiFormatReader()
                .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)))).getText();
        assertEquals(totp.otpauthUri(RFC_SECRET, "janedoe", "Colloquy"), scanned);
    }
}
