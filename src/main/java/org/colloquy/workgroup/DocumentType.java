package org.colloquy.workgroup;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The document types a workgroup may upload, recognised by their content and not by what the
 * browser claims: a PDF by its header, an OpenDocument text by its first ZIP entry {@code mimetype},
 * a DOCX by its ZIP entries {@code [Content_Types].xml} and {@code word/document.xml}, Markdown as
 * UTF-8 text without control characters. The file name's extension must agree with the content.
 */
public enum DocumentType {
    PDF("application/pdf", "pdf"),
    ODT("application/vnd.oasis.opendocument.text", "odt"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    MARKDOWN("text/markdown; charset=UTF-8", "md");

    private final String mediaType;
    private final String extension;

    DocumentType(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The type this content is, if it is one of ours; the file name's extension must agree. */
    public static Optional<DocumentType> detect(String fileName, byte[] content) {
        if (content == null || content.length == 0 || fileName == null) {
            return Optional.empty();
        }
        String name = fileName.toLowerCase(Locale.ROOT);
        DocumentType found = sniff(content);
        if (found == null) {
            return Optional.empty();
        }
        boolean extensionAgrees = name.endsWith("." + found.extension) || (found == MARKDOWN && name.endsWith(".markdown"));
        return extensionAgrees ? Optional.of(found) : Optional.empty();
    }

    private static DocumentType sniff(byte[] content) {
        if (startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return PDF;
        }
        if (startsWith(content, new byte[] {'P', 'K', 3, 4})) {
            return zipType(content);
        }
        return isPlainUtf8Text(content) ? MARKDOWN : null;
    }

    private static DocumentType zipType(byte[] content) {
        boolean contentTypes = false;
        boolean wordDocument = false;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            boolean first = true;
            while ((entry = zip.getNextEntry()) != null) {
                if (first && entry.getName().equals("mimetype")) {
                    String mime = new String(zip.readNBytes(100), StandardCharsets.US_ASCII).strip();
                    if (mime.equals(ODT.mediaType)) {
                        return ODT;
                    }
                }
                first = false;
                contentTypes |= entry.getName().equals("[Content_Types].xml");
                wordDocument |= entry.getName().equals("word/document.xml");
            }
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
        return contentTypes && wordDocument ? DOCX : null;
    }

    private static boolean isPlainUtf8Text(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            return text.chars().noneMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t');
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
