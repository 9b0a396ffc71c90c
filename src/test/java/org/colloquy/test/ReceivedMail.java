package org.colloquy.test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mail as it arrived at the test SMTP server, reduced to what a member reads: whom it is for,
 * its subject and its plain-text body, the links in that body, and the files attached.
 *
 * @param recipient   the address it was delivered to
 * @param subject     the decoded subject
 * @param bodyText    the decoded plain-text body (of a multipart mail: its first text part)
 * @param attachments the attached files, in order; empty for a plain-text mail
 */
public record ReceivedMail(String recipient, String subject, String bodyText, List<Attachment> attachments) {

    /**
     * A file attached to a received mail.
     *
     * @param fileName    the name the recipient sees
     * @param contentType its MIME type with parameters, as sent
     * @param content     its decoded bytes
     */
    public record Attachment(String fileName, String contentType, byte[] content) {

        /** The content as UTF-8 text. */
        public String text() {
            return new String(content, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** A plain-text mail without attachments. */
    public ReceivedMail(String recipient, String subject, String bodyText) {
        this(recipient, subject, bodyText, List.of());
    }

    /**
     * The one attachment named {@code fileName}.
     *
     * @throws AssertionError when the mail has none; the message lists what it has
     */
    public Attachment attachment(String fileName) {
        return attachments.stream().filter(a -> a.fileName().equals(fileName)).findFirst()
                .orElseThrow(() -> new AssertionError("No attachment " + fileName + " in the mail '" + subject + "' to " + recipient
                        + "; it has " + attachments.stream().map(Attachment::fileName).toList()));
    }

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"']+");

    /** Every http(s) link in the body, in order, without punctuation that ends the sentence after it. */
    public List<String> links() {
        List<String> links = new ArrayList<>();
        Matcher matcher = URL.matcher(bodyText);
        while (matcher.find()) {
            links.add(matcher.group().replaceAll("[.,;:!?)\\]]+$", ""));
        }
        return links;
    }

    /**
     * The first link whose path starts with {@code pathPrefix}, e.g. {@code link("/verify")} for
     * {@code http://127.0.0.1:8123/verify?token=...}.
     *
     * @throws AssertionError when the mail has no such link; the message lists the links it has
     */
    public String link(String pathPrefix) {
        return links().stream()
                .filter(link -> {
                    String path = URI.create(link).getPath();
                    return path != null && path.startsWith(pathPrefix);
                })
                .findFirst()
                .orElseThrow(() -> new AssertionError("No link to " + pathPrefix + "... in the mail '" + subject + "' to "
                        + recipient + "; its links: " + links()));
    }
}
