package org.colloquy.platform.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which transport the configuration chooses, and what an operator reads about it in the log. */
class MailTransportsTest {

    private final Logger log = Logger.getLogger(MailTransports.class.getName());
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        log.addHandler(handler);
    }

    @AfterEach
    void stopListening() {
        log.removeHandler(handler);
    }

    @Test
    void withoutAnSmtpHostMailGoesToTheLogWithOneWarningOutsideDemoMode() {
        assertInstanceOf(LogTransport.class, transports(Optional.empty(), Optional.empty(), false).configured());
        assertEquals(1, warnings().size(), "one warning: " + warnings());
        assertTrue(warnings().get(0).contains("COLLOQUY_SMTP_HOST"), "it names the setting to fix");
    }

    @Test
    void inDemoModeTheLogTransportIsExpectedAndNotWarnedAbout() {
        assertInstanceOf(LogTransport.class, transports(Optional.of("  "), Optional.empty(), true).configured());
        assertEquals(List.of(), warnings());
    }

    @Test
    void withAHostMailGoesOverSmtpWithStartTlsWhenThereIsALogin() {
        MailTransport withLogin = transports(Optional.of("smtp.example.org"), Optional.of("portal"), false).configured();
        assertInstanceOf(SmtpTransport.class, withLogin);
        assertEquals("smtp://portal@smtp.example.org:587 with STARTTLS, from Colloquy <no-reply@localhost>", withLogin.describe());
        assertFalse(records.stream().anyMatch(r -> r.getMessage() != null && r.getMessage().contains("s3cret")), "no password in the log");

        MailTransport relay = transports(Optional.of("relay.internal"), Optional.empty(), false).configured();
        assertEquals("smtp://relay.internal:587, from Colloquy <no-reply@localhost>", relay.describe(), "no STARTTLS without a login");
        assertEquals(List.of(), warnings());
    }

    private static MailTransports transports(Optional<String> host, Optional<String> user, boolean demo) {
        MailTransports transports = new MailTransports();
        transports.host = host;
        transports.port = 587;
        transports.user = user;
        transports.password = user.map(u -> "s3cret");
        transports.startTls = Optional.empty();
        transports.from = "Colloquy <no-reply@localhost>";
        transports.demoMode = demo;
        transports.choose();
        return transports;
    }

    private List<String> warnings() {
        return records.stream().filter(r -> r.getLevel() == Level.WARNING).map(LogRecord::getMessage).toList();
    }
}
