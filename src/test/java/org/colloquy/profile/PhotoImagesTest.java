package org.colloquy.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.colloquy.platform.validation.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * WebP photos (P-PROFILE-1, issue 8): the JDK cannot read them, the portal can (decision 0047). The
 * file is a 300 × 200 gradient made by {@code cwebp}: red rises from left to right, green from top
 * to bottom, blue stays at 128.
 */
class PhotoImagesTest {

    @Test
    void aWebpPhotoIsReadAndDrawnAnewAsSquareJpegs_P_PROFILE_1() throws IOException {
        PhotoImages.Sizes sizes = PhotoImages.process(webp());

        BufferedImage large = ImageIO.read(new ByteArrayInputStream(sizes.large()));
        assertEquals(PhotoImages.LARGE, large.getWidth());
        assertEquals(PhotoImages.LARGE, large.getHeight());
        assertEquals(PhotoImages.SMALL, ImageIO.read(new ByteArrayInputStream(sizes.small())).getWidth());
        assertEquals((byte) 0xFF, sizes.large()[0], "a JPEG");
        assertEquals((byte) 0xD8, sizes.large()[1], "a JPEG");

        // The centre square (x 50..250 of 300) keeps the gradient: at a quarter and three quarters of
        // the square, red about 85 and 170 (x 100 and 200 of 300), green about 64 and 191 (y 50 and
        // 150 of 200); WebP and JPEG are both lossy, hence the tolerance.
        assertNear(85, red(large, 64, 128), "red at a quarter");
        assertNear(170, red(large, 192, 128), "red at three quarters");
        assertNear(64, green(large, 128, 64), "green at a quarter");
        assertNear(191, green(large, 128, 192), "green at three quarters");
        assertNear(128, large.getRGB(128, 128) & 0xFF, "blue");
    }

    @Test
    void aWebpCutShortIsRefusedBesideTheField() throws IOException {
        byte[] whole = webp();
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> PhotoImages.process(Arrays.copyOf(whole, 60)));
        assertTrue(refused.problems().get(PhotoImages.FIELD).contains("not a JPEG, PNG or WebP"), refused.problems().toString());
    }

    private static byte[] webp() throws IOException {
        try (InputStream in = PhotoImagesTest.class.getResourceAsStream("gradient-300x200.webp")) {
            return in.readAllBytes();
        }
    }

    private static int red(BufferedImage image, int x, int y) {
        return (image.getRGB(x, y) >> 16) & 0xFF;
    }

    private static int green(BufferedImage image, int x, int y) {
        return (image.getRGB(x, y) >> 8) & 0xFF;
    }

    private static void assertNear(int expected, int actual, String what) {
        assertTrue(Math.abs(expected - actual) <= 20, what + ": expected about " + expected + " but was " + actual);
    }
}
