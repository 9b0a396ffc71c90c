package org.colloquy.platform.mail;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

/**
 * Sends plain-text UTF-8 mail over SMTP, as a multipart message when it has attachments, with Jakarta Mail (provided by Payara; not packaged).
 * The {@link Session} is built here from {@link Settings}, not looked up as a server resource, so
 * that every setting comes from MicroProfile Config like the rest of the portal. Connecting,
 * reading and writing each give up after {@link #TIMEOUT_MILLIS}, so a dead server costs one
 * failed attempt, not a hung sender.
 */
public class SmtpTransport implements MailTransport {

    static final int TIMEOUT_MILLIS = 10_000;

    /**
     * Where and as whom to send.
     *
     * @param host     the SMTP server
     * @param port     its port, usually 587 (submission with STARTTLS) or 25
     * @param user     the login, empty for a server that needs none
     * @param password the password for {@code user}
     * @param startTls whether to require STARTTLS before logging in
     * @param from     the From address, e.g. {@code Colloquy <no-reply@example.org>}
     */
    public record Settings(String host, int port, Optional<String> user, Optional<String> password, boolean startTls, String from) {

        public Settings {
            Objects.requireNonNull(host);
            Objects.requireNonNull(user);
            Objects.requireNonNull(password);
            Objects.requireNonNull(from);
        }

        /** No password: this ends up in the log. */
        @Override
        public String toString() {
            return "smtp://" + user.map(u -> u + "@").orElse("") + host + ":" + port + (startTls ? " with STARTTLS" : "")
                    + ", from " + from;
        }
    }

    private final Settings settings;
    private final Session session;
    private final InternetAddress from;

    /** @throws IllegalArgumentException when the From address cannot be parsed */
    public SmtpTransport(Settings settings) {
        this.settings = Objects.requireNonNull(settings);
        this.session = Session.getInstance(properties(settings));
        try {
            this.from = new InternetAddress(settings.from(), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("colloquy.mail.from is not a mail address: " + settings.from(), e);
        }
    }

    private static Properties properties(Settings settings) {
        Properties properties = new Properties();
        properties.setProperty("mail.transport.protocol", "smtp");
        properties.setProperty("mail.smtp.host", settings.host());
        properties.setProperty("mail.smtp.port", Integer.toString(settings.port()));
        properties.setProperty("mail.smtp.connectiontimeout", Integer.toString(TIMEOUT_MILLIS));
        properties.setProperty("mail.smtp.timeout", Integer.toString(TIMEOUT_MILLIS));
        properties.setProperty("mail.smtp.writetimeout", Integer.toString(TIMEOUT_MILLIS));
        properties.setProperty("mail.smtp.auth", Boolean.toString(settings.user().isPresent()));
        if (settings.startTls()) {
            // Required, not just enabled: a server that stops offering STARTTLS must not receive the password in clear.
            properties.setProperty("mail.smtp.starttls.enable", "true");
            properties.setProperty("mail.smtp.starttls.required", "true");
        }
        properties.setProperty("mail.mime.charset", StandardCharsets.UTF_8.name());
        return properties;
    }

    @Override
    public void send(OutboxMail mail) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.recipient(), true));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        if (mail.attachments().isEmpty()) {
            message.setText(mail.bodyText(), StandardCharsets.UTF_8.name());
        } else {
            message.setContent(multipart(mail));
        }
        message.setSentDate(new Date());
        message.saveChanges();
        try (Transport transport = session.getTransport("smtp")) {
            if (settings.user().isPresent()) {
                transport.connect(settings.host(), settings.port(), settings.user().get(), settings.password().orElse(""));
            } else {
                transport.connect();
            }
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    /** The text as the first part, then each attachment as a part of its own type, named for the recipient. */
    static MimeMultipart multipart(OutboxMail mail) throws MessagingException {
        MimeMultipart multipart = new MimeMultipart("mixed");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.bodyText(), StandardCharsets.UTF_8.name());
        multipart.addBodyPart(text);
        for (MailAttachment attachment : mail.attachments()) {
            MimeBodyPart part = new MimeBodyPart();
            part.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
            part.setFileName(attachment.fileName());
            part.setDisposition(Part.ATTACHMENT);
            multipart.addBodyPart(part);
        }
        return multipart;
    }

    @Override
    public String describe() {
        return settings.toString();
    }
}
