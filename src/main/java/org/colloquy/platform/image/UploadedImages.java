package org.colloquy.platform.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import jakarta.servlet.http.Part;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;

import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.validation.InvalidInputException;

/**
 * Reads an uploaded image and draws it anew, for every context that takes pictures from people
 * (profile photos, sponsor logos). The type is found from the bytes, never from the file name or
 * the type the browser claims; only JPEG, PNG and WebP are decoded (WebP with TwelveMonkeys' reader,
 * which the JDK lacks: decision 0047). SVG is refused by name, since it can carry script. What a context stores is a new image
 * drawn from the decoded pixels ({@link #square}, {@link #fit}), so nothing of the uploaded file
 * but its pixels survives: EXIF, GPS, comments, ICC profiles and any payload appended to the file
 * are gone. A refusal is an {@link InvalidInputException} on the caller's field, worded by the
 * caller's messages.
 *
 * <h2>Usage</h2>
 * <pre>
 * BufferedImage image = UploadedImages.decode(upload, 1024 * 1024, "logo", "sponsor.logo");
 * byte[] png = UploadedImages.png(UploadedImages.fit(image, 320, 160));
 * </pre>
 * The messages named {@code <prefix>.empty}, {@code .tooBig} (argument: the limit in MB),
 * {@code .tooLarge} (argument: the largest side in pixels), {@code .notAnImage} and {@code .svg}
 * must exist in the message bundle.
 */
public final class UploadedImages {

    /** Larger sides are refused before decoding, so a small file cannot ask for a huge bitmap. */
    public static final int MAX_SIDE = 8000;

    private static final Set<String> READABLE = Set.of("jpeg", "png", "webp");

    private UploadedImages() {
    }

    /**
     * The pixels of an uploaded JPEG, PNG or WebP.
     *
     * @param maxBytes the largest upload accepted, a whole number of MB for the message
     * @param field    the form field a refusal is shown beside
     * @param messages the prefix of the refusals' message keys
     * @throws InvalidInputException when the upload is empty, too big, too large in pixels, SVG
     *         or anything else that is not a readable JPEG, PNG or WebP
     */
    public static BufferedImage decode(byte[] upload, int maxBytes, String field, String messages) {
        if (upload == null || upload.length == 0) {
            throw new InvalidInputException(field, Texts.get(messages + ".empty"));
        }
        if (upload.length > maxBytes) {
            throw tooBig(maxBytes, field, messages);
        }
        if (isSvg(upload)) {
            throw new InvalidInputException(field, Texts.get(messages + ".svg"));
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            ImageReader reader = in == null ? null : reader(in, isWebp(upload));
            if (reader == null) {
                throw notAnImage(field, messages);
            }
            try {
                if (!READABLE.contains(reader.getFormatName().toLowerCase(Locale.ROOT))) {
                    throw notAnImage(field, messages);
                }
                reader.setInput(in, true, true);
                if (reader.getWidth(0) > MAX_SIDE || reader.getHeight(0) > MAX_SIDE) {
                    throw new InvalidInputException(field, Texts.get(messages + ".tooLarge", MAX_SIDE));
                }
                BufferedImage image = reader.read(0);
                if (image == null || image.getWidth() < 1 || image.getHeight() < 1) {
                    throw notAnImage(field, messages);
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException refused) {
                throw refused;
            }
            throw notAnImage(field, messages);
        }
    }

    /**
     * The bytes of a file uploaded through a form, read no further than one byte past
     * {@code maxBytes} (so {@link #decode} refuses an oversized one); empty when no file was chosen.
     *
     * @throws InvalidInputException when the browser announces more than {@code maxBytes} or the upload cannot be read
     */
    public static byte[] read(Part file, int maxBytes, String field, String messages) {
        if (file == null || file.getSize() == 0) {
            return new byte[0];
        }
        if (file.getSize() > maxBytes) {
            throw tooBig(maxBytes, field, messages);
        }
        try (InputStream in = file.getInputStream()) {
            return in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw notAnImage(field, messages);
        }
    }

    /** The refusal of an upload over {@code maxBytes}, for a caller that sees the size before reading the bytes. */
    public static InvalidInputException tooBig(int maxBytes, String field, String messages) {
        return new InvalidInputException(field, Texts.get(messages + ".tooBig", Math.max(1, maxBytes / (1024 * 1024))));
    }

    /**
     * The reader for the bytes: WebP's own, asked for by name, since a web application's libraries
     * are not among the plugins {@link ImageIO} found when the server started (decision 0047);
     * otherwise the JDK's, if one knows them.
     */
    private static ImageReader reader(ImageInputStream in, boolean webp) throws IOException {
        if (webp) {
            return new WebPImageReaderSpi().createReaderInstance();
        }
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        return readers.hasNext() ? readers.next() : null;
    }

    /** A RIFF container of kind WEBP, which the JDK cannot decode. */
    static boolean isWebp(byte[] bytes) {
        return bytes.length >= 12 && bytes[0] == 'R' && bytes[1] == 'I' && bytes[2] == 'F' && bytes[3] == 'F'
                && bytes[8] == 'W' && bytes[9] == 'E' && bytes[10] == 'B' && bytes[11] == 'P';
    }

    /** Text that opens an SVG document (possibly after an XML declaration, a doctype or comments), gzipped SVG included. */
    static boolean isSvg(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            return true; // gzip: an .svgz, or at any rate no JPEG or PNG
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        return head.contains("<svg") || (head.stripLeading().startsWith("<") && head.contains("svg"));
    }

    private static InvalidInputException notAnImage(String field, String messages) {
        return new InvalidInputException(field, Texts.get(messages + ".notAnImage"));
    }

    /** The centre square of the image, scaled to side × side, on white (for transparent PNGs). */
    public static BufferedImage square(BufferedImage image, int side) {
        int crop = Math.min(image.getWidth(), image.getHeight());
        int x = (image.getWidth() - crop) / 2;
        int y = (image.getHeight() - crop) / 2;
        BufferedImage out = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            quality(g);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, side, side);
            g.drawImage(image, 0, 0, side, side, x, y, x + crop, y + crop, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * The whole image scaled down (never up) to fit in maxWidth × maxHeight, keeping its proportions
     * and its transparency.
     */
    public static BufferedImage fit(BufferedImage image, int maxWidth, int maxHeight) {
        double scale = Math.min(1.0, Math.min((double) maxWidth / image.getWidth(), (double) maxHeight / image.getHeight()));
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        try {
            quality(g);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static void quality(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    }

    public static byte[] jpeg(BufferedImage image) {
        return encode(image, "jpeg");
    }

    public static byte[] png(BufferedImage image) {
        return encode(image, "png");
    }

    private static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("No " + format + " writer in this JDK");
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
