package org.colloquy.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The mail helper the portal's tests rely on, against mail sent to it over SMTP. */
class TestMailServerTest {

    private TestMailServer server;

    @BeforeEach
    void start() {
        server = TestMailServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void successiveWaitsReturnSuccessiveMailsToTheSameAddress() throws Exception {
        send("ada@example.org", "First", "Open http://127.0.0.1:8080/verify?token=1.");
        send("bob@example.org", "For Bob", "Nothing");
        send("ada@example.org", "Second", "See https://example.org/reset/x, or http://127.0.0.1:8080/verify?token=2");

        ReceivedMail first = server.awaitMail("ada@example.org", Duration.ofSeconds(5));
        assertEquals("First", first.subject());
        assertEquals("http://127.0.0.1:8080/verify?token=1", first.link("/verify"));
        ReceivedMail second = server.awaitMail("ADA@example.org", Duration.ofSeconds(5));
        assertEquals("Second", second.subject());
        assertEquals(List.of("https://example.org/reset/x", "http://127.0.0.1:8080/verify?token=2"), second.links());
        assertEquals("https://example.org/reset/x", second.link("/reset"));
        assertEquals(List.of("First", "Second"), server.allTo("ada@example.org").stream().map(ReceivedMail::subject).toList());
        assertThrows(AssertionError.class, () -> second.link("/sign-in"));
    }

    @Test
    void waitingForAMailThatNeverComesFailsAtTheDeadline() throws Exception {
        send("bob@example.org", "For Bob", "Nothing");
        AssertionError error = assertThrows(AssertionError.class, () -> server.awaitMail("ada@example.org", Duration.ofMillis(300)));
        assertEquals(true, error.getMessage().contains("bob@example.org"), error.getMessage());
    }

    @Test
    void aMailSentWhileWaitingIsReturned() throws Exception {
        CompletableFuture<Void> late = CompletableFuture.runAsync(() -> send("ada@example.org", "Late", "Body"),
                CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
        assertEquals("Late", server.awaitMail("ada@example.org", Duration.ofSeconds(10)).subject());
        late.get(10, TimeUnit.SECONDS);
    }

    private void send(String to, String subject, String body) {
        try {
            Properties properties = new Properties();
            properties.setProperty("mail.smtp.host", "127.0.0.1");
            properties.setProperty("mail.smtp.port", Integer.toString(server.port()));
            MimeMessage message = new MimeMessage(Session.getInstance(properties));
            message.setFrom(new InternetAddress("test@localhost"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
            message.setSubject(subject, "UTF-8");
            message.setText(body, "UTF-8");
            Transport.send(message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
