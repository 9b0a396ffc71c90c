package org.colloquy.platform.mail;

import java.util.Arrays;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A file sent with a mail ({@code mail_attachment}): its name as the recipient sees it, its MIME
 * type and its bytes. Stored with the {@link OutboxMail} in the transaction that queues it and sent
 * as one part of a multipart message; any context may attach files through
 * {@link MailOutbox#enqueue(MailCategory, String, String, String, java.util.List)}.
 *
 * <h2>Usage</h2>
 * <pre>
 * outbox.enqueue(MailCategory.ACCOUNT, to, subject, body,
 *         List.of(new MailAttachment("webinar.ics", "text/calendar; charset=UTF-8; method=REQUEST", ics)));
 * </pre>
 */
@Embeddable
public class MailAttachment {

    public static final int FILE_NAME_LENGTH = 100;
    public static final int CONTENT_TYPE_LENGTH = 100;
    /** The largest attachment the outbox takes: mail is no file transfer. */
    public static final int MAX_BYTES = 1_000_000;

    @Column(name = "file_name", length = FILE_NAME_LENGTH, nullable = false, updatable = false)
    private String fileName;

    @Column(name = "content_type", length = CONTENT_TYPE_LENGTH, nullable = false, updatable = false)
    private String contentType;

    @Column(name = "content", nullable = false, updatable = false)
    private byte[] content;

    protected MailAttachment() {
        // for JPA
    }

    /**
     * @param fileName    the name shown to the recipient: one line, no path, at most {@value #FILE_NAME_LENGTH} characters
     * @param contentType the MIME type with its parameters, e.g. {@code text/calendar; charset=UTF-8; method=REQUEST}
     * @param content     the bytes, at most {@value #MAX_BYTES}
     * @throws IllegalArgumentException when one of them breaks those limits
     */
    public MailAttachment(String fileName, String contentType, byte[] content) {
        Objects.requireNonNull(fileName);
        Objects.requireNonNull(contentType);
        Objects.requireNonNull(content);
        if (fileName.isBlank() || fileName.length() > FILE_NAME_LENGTH || !fileName.matches("[^\\r\\n/\\\\]+")) {
            throw new IllegalArgumentException("An attachment needs a one-line file name without a path, at most "
                    + FILE_NAME_LENGTH + " characters: " + fileName);
        }
        if (contentType.isBlank() || contentType.length() > CONTENT_TYPE_LENGTH || !contentType.matches("[^\\r\\n]+")) {
            throw new IllegalArgumentException("An attachment needs a one-line MIME type of at most " + CONTENT_TYPE_LENGTH
                    + " characters: " + contentType);
        }
        if (content.length > MAX_BYTES) {
            throw new IllegalArgumentException("An attachment may hold at most " + MAX_BYTES + " bytes, not " + content.length);
        }
        this.fileName = fileName;
        this.contentType = contentType;
        this.content = content.clone();
    }

    public String fileName() {
        return fileName;
    }

    public String contentType() {
        return contentType;
    }

    /** A copy of the bytes. */
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MailAttachment that && fileName.equals(that.fileName) && contentType.equals(that.contentType)
                && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileName, contentType, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "MailAttachment[" + fileName + ", " + contentType + ", " + content.length + " bytes]";
    }
}
