package org.colloquy.test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server in the test JVM (GreenMail) on a free loopback port, answering the questions
 * of {@link MailInbox} about the mail it received. The portal under test sends to it over the
 * network as to any SMTP server.
 *
 * <h2>Usage</h2>
 * <pre>
 * ReceivedMail mail = portal.mail().awaitMail("ada@example.org", Duration.ofSeconds(20));
 * driver.get(mail.link("/verify"));
 * </pre>
 */
public final class TestMailServer implements MailInbox, AutoCloseable {

    private final GreenMail greenMail;
    /** Per recipient (lower case), how many of its mails {@link #awaitMail} has handed out. */
    private final Map<String, Integer> consumed = new ConcurrentHashMap<>();

    private TestMailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /** Starts an SMTP server on 127.0.0.1 on a port the system picks. */
    public static TestMailServer start() {
        GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return new TestMailServer(greenMail);
    }

    /** The port it listens on, at 127.0.0.1. */
    public int port() {
        return greenMail.getSmtp().getPort();
    }

    @Override
    public ReceivedMail awaitMail(String recipient, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            int total = greenMail.getReceivedMessages().length;
            Optional<ReceivedMail> next = takeNext(recipient);
            if (next.isPresent()) {
                return next.get();
            }
            long left = Duration.between(Instant.now(), deadline).toMillis();
            // Blocks until the server holds more than `total` mails or the time is up; no lock is held meanwhile.
            if (left <= 0 || !greenMail.waitForIncomingEmail(left, total + 1)) {
                return takeNext(recipient).orElseThrow(() -> new AssertionError("No " + (consumed.containsKey(key(recipient)) ? "further " : "")
                        + "mail to " + recipient + " within " + timeout + "; mail received for: " + recipientsSoFar()));
            }
        }
    }

    /** The first mail to {@code recipient} no caller has taken yet, now taken. */
    private synchronized Optional<ReceivedMail> takeNext(String recipient) {
        List<ReceivedMail> mails = allTo(recipient);
        int taken = consumed.getOrDefault(key(recipient), 0);
        if (mails.size() <= taken) {
            return Optional.empty();
        }
        consumed.put(key(recipient), taken + 1);
        return Optional.of(mails.get(taken));
    }

    private static String key(String recipient) {
        return recipient.toLowerCase(Locale.ROOT);
    }

    @Override
    public List<ReceivedMail> allTo(String recipient) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(message -> isFor(message, recipient))
                .map(message -> toReceived(message, recipient))
                .toList();
    }

    private List<String> recipientsSoFar() {
        return Arrays.stream(greenMail.getReceivedMessages())
                .flatMap(message -> Arrays.stream(recipients(message)))
                .map(Address::toString)
                .distinct()
                .toList();
    }

    private static boolean isFor(MimeMessage message, String recipient) {
        return Arrays.stream(recipients(message))
                .anyMatch(address -> address instanceof InternetAddress internet && internet.getAddress().equalsIgnoreCase(recipient));
    }

    private static Address[] recipients(MimeMessage message) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients == null ? new Address[0] : recipients;
        } catch (MessagingException e) {
            throw new IllegalStateException("Unreadable recipients in a received mail", e);
        }
    }

    private static ReceivedMail toReceived(MimeMessage message, String recipient) {
        try {
            Object content = message.getContent();
            if (content instanceof String text) {
                return new ReceivedMail(recipient, message.getSubject(), text);
            }
            if (content instanceof Multipart multipart) {
                String text = null;
                List<ReceivedMail.Attachment> attachments = new ArrayList<>();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart part = multipart.getBodyPart(i);
                    if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                        try (InputStream in = part.getInputStream()) {
                            attachments.add(new ReceivedMail.Attachment(part.getFileName(), part.getContentType(), in.readAllBytes()));
                        }
                    } else if (text == null && part.isMimeType("text/plain")) {
                        text = (String) part.getContent();
                    }
                }
                if (text == null) {
                    throw new AssertionError("A multipart mail to " + recipient + " without a plain-text part");
                }
                return new ReceivedMail(recipient, message.getSubject(), text, List.copyOf(attachments));
            }
            throw new AssertionError("Expected a plain-text or multipart mail to " + recipient + ", got " + message.getContentType());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Unreadable mail to " + recipient, e);
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
