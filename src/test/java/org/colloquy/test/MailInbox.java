package org.colloquy.test;

import java.time.Duration;
import java.util.List;

/**
 * The mail a portal under test has sent, as its SMTP server received it: what a test asks about
 * mail. {@link Portal#mail()} is the shared portal's inbox; a client-side Arquillian test gets the
 * deployments' inbox as a parameter (see {@link ContainerMailServer}). An interface, apart from
 * {@link TestMailServer}, so that Arquillian test classes load inside the container, where the SMTP
 * server's classes are not.
 *
 * <h2>Usage</h2>
 * <pre>
 * ReceivedMail mail = portal.mail().awaitMail("ada@example.org", Duration.ofSeconds(20));
 * driver.get(mail.link("/verify"));
 * </pre>
 */
public interface MailInbox {

    /**
     * Waits for the next mail to {@code recipient} that no earlier call returned, and returns it.
     * Successive calls return successive mails to that address, in the order they arrived.
     * Addresses compare without regard to case.
     *
     * @throws AssertionError when no such mail arrives within {@code timeout}
     */
    ReceivedMail awaitMail(String recipient, Duration timeout);

    /** Every mail received for {@code recipient} so far, in the order it arrived, taken by {@link #awaitMail} or not. */
    List<ReceivedMail> allTo(String recipient);
}
