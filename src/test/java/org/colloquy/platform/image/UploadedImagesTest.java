package org.colloquy.platform.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.colloquy.platform.validation.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Uploaded images as a sponsor's logo takes them: the refusals beside the field, and what is kept. */
class UploadedImagesTest {

    private static final int ONE_MB = 1024 * 1024;

    @Test
    void svgIsRefusedWithItsOwnReasonEvenBehindAnXmlDeclaration() {
        for (String svg : new String[] {"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
                "<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"x\">\n<svg/>", "  <SVG/>"}) {
            assertEquals("SVG logos are not accepted, because an SVG file can carry script. Save the logo as PNG and upload that.",
                    refusal(svg.getBytes(StandardCharsets.UTF_8)), svg);
        }
    }

    @Test
    void emptyTooBigAndNotAnImageAreNamedPlainly() {
        assertEquals("Choose a logo file.", refusal(new byte[0]));
        assertEquals("A logo is at most 1 MB.", refusal(new byte[ONE_MB + 1]));
        assertEquals("This file is not a PNG, JPEG or WebP image. Choose a logo in one of those formats.",
                refusal("GIF89a not really".getBytes(StandardCharsets.US_ASCII)));
        byte[] gif = encode(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "gif");
        assertEquals("This file is not a PNG, JPEG or WebP image. Choose a logo in one of those formats.", refusal(gif), "a real GIF is not taken");
    }

    @Test
    void aLargeLogoIsScaledDownToFitKeepingItsProportionsAndTransparency() throws Exception {
        BufferedImage wide = new BufferedImage(1000, 250, BufferedImage.TYPE_INT_ARGB);
        wide.setRGB(0, 0, new Color(200, 0, 0, 255).getRGB());
        byte[] upload = encode(wide, "png");
        byte[] trailer = "PAYLOAD-AFTER-IEND".getBytes(StandardCharsets.US_ASCII);
        byte[] withPayload = Arrays.copyOf(upload, upload.length + trailer.length);
        System.arraycopy(trailer, 0, withPayload, upload.length, trailer.length);

        byte[] kept = UploadedImages.png(UploadedImages.fit(UploadedImages.decode(withPayload, ONE_MB, "logo", "sponsor.logo"), 320, 160));
        BufferedImage logo = ImageIO.read(new ByteArrayInputStream(kept));
        assertEquals(320, logo.getWidth());
        assertEquals(80, logo.getHeight());
        assertTrue(logo.getColorModel().hasAlpha(), "a transparent logo stays transparent");
        assertEquals(0, new Color(logo.getRGB(300, 70), true).getAlpha(), "the transparent part is still transparent");
        assertTrue(!new String(kept, StandardCharsets.ISO_8859_1).contains("PAYLOAD"), "nothing but the pixels is kept");

        BufferedImage small = UploadedImages.fit(new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB), 320, 160);
        assertArrayEquals(new int[] {40, 20}, new int[] {small.getWidth(), small.getHeight()}, "a small logo is not blown up");
    }

    private static String refusal(byte[] upload) {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> UploadedImages.decode(upload, ONE_MB, "logo", "sponsor.logo"));
        return refused.problems().get("logo");
    }

    private static byte[] encode(BufferedImage image, String format) {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
