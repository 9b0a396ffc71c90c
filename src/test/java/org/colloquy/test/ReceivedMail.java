package org.colloquy.test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mail as it arrived at the test SMTP server, reduced to what a member reads: whom it is for,
 * its subject and its plain-text body, and the links in that body.
 *
 * @param recipient the address it was delivered to
 * @param subject   the decoded subject
 * @param bodyText  the decoded plain-text body
 */
public record ReceivedMail(String recipient, String subject, String bodyText) {

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
