package org.colloquy.profile;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;

import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.validation.InvalidInputException;

/**
 * Turns an uploaded file into the profile photo's sizes: the type is found from the bytes (never
 * the file name or the type the browser claims), the image is decoded and drawn anew into square
 * JPEGs, so nothing of the original file but its pixels survives (EXIF, GPS, comments, ICC
 * profiles and any payload appended to the file are gone). Refusals are {@link InvalidInputException}s
 * on the field {@value #FIELD}.
 */
public final class PhotoImages {

    public static final String FIELD = "file";

    /** The largest upload accepted (P-PROFILE-1 issue text: 5 MB). */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    /** Side of the large photo (profile page) and of the small one (lists), in pixels. */
    public static final int LARGE = 256;
    public static final int SMALL = 64;

    /** Larger sides are refused before decoding, so a small file cannot ask for a huge bitmap. */
    static final int MAX_SIDE = 8000;

    private static final Set<String> READABLE = Set.of("jpeg", "png", "webp");

    /** Both sizes of one photo, JPEG encoded. */
    public record Sizes(byte[] large, byte[] small) {
    }

    private PhotoImages() {
    }

    public static Sizes process(byte[] upload) {
        if (upload == null || upload.length == 0) {
            throw new InvalidInputException(FIELD, Texts.get("profile.photo.empty"));
        }
        if (upload.length > MAX_BYTES) {
            throw new InvalidInputException(FIELD, Texts.get("profile.photo.tooBig", MAX_BYTES / (1024 * 1024)));
        }
        BufferedImage image = decode(upload);
        return new Sizes(jpeg(square(image, LARGE)), jpeg(square(image, SMALL)));
    }

    /** A RIFF container of kind WEBP, which the JDK cannot decode: TwelveMonkeys' reader does (decision 0047). */
    static boolean isWebp(byte[] bytes) {
        return bytes.length >= 12 && bytes[0] == 'R' && bytes[1] == 'I' && bytes[2] == 'F' && bytes[3] == 'F'
                && bytes[8] == 'W' && bytes[9] == 'E' && bytes[10] == 'B' && bytes[11] == 'P';
    }

    private static BufferedImage decode(byte[] upload) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            ImageReader reader = in == null ? null : reader(in, isWebp(upload));
            if (reader == null) {
                throw notAnImage();
            }
            try {
                if (!READABLE.contains(reader.getFormatName().toLowerCase(Locale.ROOT))) {
                    throw notAnImage();
                }
                reader.setInput(in, true, true);
                if (reader.getWidth(0) > MAX_SIDE || reader.getHeight(0) > MAX_SIDE) {
                    throw new InvalidInputException(FIELD, Texts.get("profile.photo.tooLarge", MAX_SIDE));
                }
                BufferedImage image = reader.read(0);
                if (image == null || image.getWidth() < 1 || image.getHeight() < 1) {
                    throw notAnImage();
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException refused) {
                throw refused;
            }
            throw notAnImage();
        }
    }

    /**
     * The reader for the bytes: WebP's own, asked by name, since a web application's libraries are
     * not among the plugins {@link ImageIO} found at its start; otherwise the JDK's, if one knows them.
     */
    private static ImageReader reader(ImageInputStream in, boolean webp) throws IOException {
        if (webp) {
            return new WebPImageReaderSpi().createReaderInstance();
        }
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        return readers.hasNext() ? readers.next() : null;
    }

    private static InvalidInputException notAnImage() {
        return new InvalidInputException(FIELD, Texts.get("profile.photo.notAnImage"));
    }

    /** The centre square of the image, scaled to side × side, on white (for transparent PNGs). */
    static BufferedImage square(BufferedImage image, int side) {
        int crop = Math.min(image.getWidth(), image.getHeight());
        int x = (image.getWidth() - crop) / 2;
        int y = (image.getHeight() - crop) / 2;
        BufferedImage out = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, side, side);
            g.drawImage(image, 0, 0, side, side, x, y, x + crop, y + crop, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] jpeg(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
            if (!ImageIO.write(image, "jpeg", out)) {
                throw new IllegalStateException("No JPEG writer in this JDK");
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
