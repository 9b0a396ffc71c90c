package org.colloquy.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;

import org.colloquy.platform.demo.DemoSeeder;
import org.colloquy.platform.demo.TestDemoContents;
import org.colloquy.platform.health.DatabaseReadinessCheck;
import org.colloquy.platform.mail.LogTransport;
import org.colloquy.platform.mail.MailCategory;
import org.colloquy.platform.mail.MailOutbox;
import org.colloquy.platform.mail.MailTransports;
import org.colloquy.platform.mail.OutboxRepository;
import org.colloquy.platform.mail.OutboxSender;
import org.colloquy.platform.mail.SmtpTransport;
import org.colloquy.platform.persistence.DatabaseMigrator;
import org.colloquy.test.Deployments;
import org.colloquy.test.ReceivedMail;
import org.colloquy.test.MailInbox;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The platform inside the real container: schema migration at start-up, the readiness check,
 * the demo seeder, the error pages a visitor sees when something fails, and the mail outbox (which
 * sends real SMTP to the run's {@link MailInbox}; see {@code arquillian.xml}).
 *
 * <p>Outbox tests that need a mail the background sender must leave alone insert it directly,
 * due a year from now, and drive {@link OutboxSender} with a clock set to that time.
 */
@ExtendWith(ArquillianExtension.class)
class PlatformIT {

    private static final String FORM_PAGE = """
            <ui:composition xmlns="http://www.w3.org/1999/xhtml" xmlns:ui="jakarta.faces.facelets"
                            xmlns:h="jakarta.faces.html" template="/WEB-INF/templates/layout.xhtml">
                <ui:param name="stateful" value="true"/>
                <ui:define name="title">Form</ui:define>
                <ui:define name="content">
                    <h:form id="form"><h:commandButton id="send" value="Send"/></h:form>
                </ui:define>
            </ui:composition>
            """;

    @Deployment
    static WebArchive deployment() {
        return Deployments.portal()
                .addClasses(FailingServlet.class, MailTestServlet.class, MailInbox.class, ReceivedMail.class, ReceivedMail.Attachment.class, TestDemoContents.class, TestDemoContents.Sample.class,
                        TestDemoContents.Failing.class)
                .addAsWebResource(new StringAsset(FORM_PAGE), "test-form.xhtml");
    }

    @Resource(lookup = DatabaseMigrator.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    DatabaseMigrator migrator;

    @Inject
    DemoSeeder seeder;

    @Inject
    @Readiness
    DatabaseReadinessCheck readiness;

    @ArquillianResource
    URL base;

    @Inject
    MailOutbox outbox;

    @Inject
    OutboxSender sender;

    @Inject
    OutboxRepository repository;

    @Inject
    MailTransports transports;

    @Resource(lookup = "java:comp/UserTransaction")
    UserTransaction transaction;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Test
    void everyMigrationIsAppliedAtStartUp() throws Exception {
        MigrationInfoService info = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource).locations("classpath:db/migration").load().info();
        assertNotNull(info.current(), "a schema version is recorded");
        assertEquals(0, info.pending().length, "no migration is left pending");
        assertEquals(info.current().getVersion().getVersion(), migrator.schemaVersion());
        try (Connection connection = dataSource.getConnection();
                ResultSet tables = connection.getMetaData().getTables(null, null, "demo_seed", null)) {
            assertTrue(tables.next(), "the demo_seed table from V1 exists");
        }
    }

    @Test
    void readinessReportsTheDatabaseUp() {
        HealthCheckResponse response = readiness.call();
        assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
        assertEquals("database", response.getName());
    }

    @Test
    void demoContentIsSeededOnceAndAFailingContributionLeavesNothing() {
        // The product's own contributions (demo accounts, ...) seed here too; this test watches its own two.
        List<String> first = seeder.seedAll().stream().filter(name -> name.startsWith("test-")).toList();
        assertEquals(List.of(TestDemoContents.SAMPLE), first, "only the working contribution is reported seeded");
        List<String> recorded = seeder.seededNames();
        assertTrue(recorded.contains(TestDemoContents.SAMPLE));
        assertTrue(recorded.contains(TestDemoContents.SAMPLE_MARKER), "the contribution's own writes commit with it");
        assertFalse(recorded.contains(TestDemoContents.FAILING), "a failed contribution is not recorded as seeded");
        assertFalse(recorded.contains(TestDemoContents.FAILING_MARKER), "a failed contribution's writes roll back");

        List<String> second = seeder.seedAll();
        assertEquals(List.of(), second, "a second run seeds nothing again");
    }

    @Test
    @RunAsClient
    void aServerErrorShowsAPlainPageAndNoStackTrace() throws Exception {
        HttpResponse<String> response = get("test/failure");
        assertEquals(500, response.statusCode());
        String body = response.body();
        assertTrue(body.contains("Something went wrong"), body);
        assertTrue(body.contains("<main"), "the error page uses the site layout");
        for (String leak : List.of(FailingServlet.INTERNAL_DETAIL, "IllegalStateException", "at org.", "at jakarta.",
                "Payara", "Stack")) {
            assertFalse(body.contains(leak), "the page must not show '" + leak + "'");
        }
    }

    @Test
    @RunAsClient
    void aRefusedRequestShowsTheNotAllowedPage() throws Exception {
        HttpResponse<String> response = get("test/forbidden");
        assertEquals(403, response.statusCode());
        assertTrue(response.body().contains("<h1>Not allowed</h1>"), mainOf(response.body()));
        assertFalse(response.body().contains(FailingServlet.INTERNAL_DETAIL), "the refusal's internal message stays in the log");
    }

    @Test
    @RunAsClient
    void anExpiredFormShowsWhatToDoNext() throws Exception {
        HttpResponse<String> page = get("test-form");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("JSESSIONID=")),
                "a page that declares itself stateful keeps its state in a session");

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.toURI().resolve("test-form"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("form=form&form%3Asend=Send&jakarta.faces.ViewState=-123%3A456"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.body().contains("This page has expired"), mainOf(response.body()));
        assertFalse(response.body().contains("could not be restored"), "the exception's own message stays in the log");
    }

    @Test
    @RunAsClient
    void theHomePageRendersInTheLayout() throws Exception {
        HttpResponse<String> response = get("");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("<title>Home · Colloquy</title>"), response.body());
        assertTrue(response.body().contains("href=\"#main\""), "skip link");
    }

    @Test
    void aMailQueuedInATransactionThatRollsBackIsNeverWritten() throws Exception {
        String recipient = uniqueRecipient();
        transaction.begin();
        outbox.enqueue(MailCategory.ACCOUNT, recipient, "Confirm your address", "http://localhost/verify?token=1");
        assertTrue(outbox.newest(50).stream().anyMatch(mail -> mail.recipient().equals(recipient)),
                "inside the transaction the mail is queued");
        transaction.rollback();
        assertEquals(List.of(), rows("recipient = ?", recipient), "after the rollback no row is left to send");
    }

    @Test
    void aCommittedMailIsSentRightAfterTheCommit() throws Exception {
        String recipient = uniqueRecipient();
        transaction.begin();
        outbox.enqueue(MailCategory.ACCOUNT, recipient, "Welcome", "Hello");
        transaction.commit();
        // The outbox polls hourly in this deployment: only the send after the commit can be this quick.
        Map<String, Object> row = awaitRow(recipient, r -> r.get("sent_at") != null, Duration.ofSeconds(20));
        assertEquals(0, ((Number) row.get("attempts")).intValue());
        assertNull(row.get("claimed_until"), "the claim ends with the send");
        assertEquals("ACCOUNT", row.get("category"));
    }

    @Test
    void invalidMailIsRefusedWithAMessageThatSaysWhy() {
        ConstraintViolationException notAnAddress = assertThrows(ConstraintViolationException.class,
                () -> outbox.enqueue(MailCategory.ACCOUNT, "not an address", "Subject", "Body"));
        assertEquals(List.of("The recipient is not a mail address"), messages(notAnAddress));
        ConstraintViolationException twoLines = assertThrows(ConstraintViolationException.class,
                () -> outbox.enqueue(MailCategory.ACCOUNT, uniqueRecipient(), "Subject\r\nBcc: victim@example.org", "Body"));
        assertEquals(List.of("The subject must be a single line"), messages(twoLines));
    }

    @Test
    void aMailClaimedByTwoWorkersAtOnceIsClaimedByExactlyOne() throws Exception {
        OffsetDateTime due = aYearFromNow();
        long id = insertDueMail(uniqueRecipient(), due);
        CountDownLatch start = new CountDownLatch(1);
        Callable<Boolean> claim = () -> {
            start.await(10, TimeUnit.SECONDS);
            return repository.claim(id, due);
        };
        Future<Boolean> first = executor.submit(claim);
        Future<Boolean> second = executor.submit(claim);
        start.countDown();
        List<Boolean> outcomes = List.of(first.get(20, TimeUnit.SECONDS), second.get(20, TimeUnit.SECONDS));
        assertEquals(1, outcomes.stream().filter(claimed -> claimed).count(), "claims: " + outcomes);
        assertEquals(due.plus(OutboxRepository.CLAIM).toInstant(), instant(row(id).get("claimed_until")));

        assertFalse(repository.claim(id, due.plusMinutes(1)), "a live claim holds the mail");
        assertTrue(repository.claim(id, due.plus(OutboxRepository.CLAIM).plusSeconds(1)),
                "a claim whose worker died runs out, and the mail is due again");
    }

    @Test
    void aDueMailIsSentByTheSweepAndOnlyOnce() throws Exception {
        String recipient = uniqueRecipient();
        long id = insertDueMail(recipient, OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1));
        assertTrue(sender.sendDue(new LogTransport(), Clock.systemUTC()) >= 1, "the sweep sends the due mail");
        assertNotNull(row(id).get("sent_at"));
        assertEquals(OutboxSender.Outcome.NOT_CLAIMED, sender.attempt(id, new LogTransport(), Clock.systemUTC()),
                "a sent mail is never sent again");
    }

    @Test
    void aMailTheServerRefusesWaitsWithItsErrorAndIsSentOnceTheServerWorks() throws Exception {
        OffsetDateTime due = aYearFromNow();
        String recipient = uniqueRecipient();
        long id = insertDueMail(recipient, due);
        SmtpTransport nobodyListens = new SmtpTransport(new SmtpTransport.Settings("127.0.0.1", unusedPort(),
                Optional.empty(), Optional.empty(), false, "Colloquy <no-reply@localhost>"));

        assertEquals(OutboxSender.Outcome.FAILED, sender.attempt(id, nobodyListens, Clock.fixed(due.toInstant(), ZoneOffset.UTC)));
        Map<String, Object> failed = row(id);
        assertNull(failed.get("sent_at"), "not sent");
        assertEquals(1, ((Number) failed.get("attempts")).intValue());
        assertNotNull(failed.get("last_error"), "the error is kept for the operator");
        assertTrue(failed.get("last_error").toString().contains("Connect"), failed.get("last_error").toString());
        assertEquals(due.plusSeconds(30).toInstant(), instant(failed.get("next_attempt_at")), "retried after 30 s");
        assertNull(failed.get("claimed_until"), "the claim ends with the attempt");

        assertEquals(OutboxSender.Outcome.NOT_CLAIMED,
                sender.attempt(id, transports.configured(), Clock.fixed(due.plusSeconds(10).toInstant(), ZoneOffset.UTC)),
                "not retried before its back-off is over");
        OffsetDateTime retry = due.plusSeconds(31);
        assertEquals(OutboxSender.Outcome.SENT,
                sender.attempt(id, transports.configured(), Clock.fixed(retry.toInstant(), ZoneOffset.UTC)));
        Map<String, Object> sent = row(id);
        assertEquals(retry.toInstant(), instant(sent.get("sent_at")));
        assertEquals(1, ((Number) sent.get("attempts")).intValue(), "a successful attempt is not counted as failed");
    }

    @Test
    @RunAsClient
    void aMailQueuedByThePortalArrivesAtTheSmtpServer(MailInbox smtp) throws Exception {
        String recipient = uniqueRecipient();
        String subject = "Bestätigen Sie Ihre Adresse – Colloquy ✓";
        String body = "Hello Zoë,\n\nconfirm your address: http://127.0.0.1:8080/verify?token=t%C3%B6k3n&x=1.\n\n— Colloquy";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.toURI().resolve("test/mail"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("to", recipient, "subject", subject, "body", body))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, response.statusCode(), response.body());

        ReceivedMail mail = smtp.awaitMail(recipient, Duration.ofSeconds(30));
        assertEquals(subject, mail.subject());
        assertEquals(body, mail.bodyText().replace("\r\n", "\n").strip());
        assertEquals("http://127.0.0.1:8080/verify?token=t%C3%B6k3n&x=1", mail.link("/verify"));
        assertEquals(List.of(mail), smtp.allTo(recipient), "sent exactly once");
    }

    private static String uniqueRecipient() {
        return "member-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** Later than any real mail: the background sender never finds these due. */
    private static OffsetDateTime aYearFromNow() {
        return OffsetDateTime.now(ZoneOffset.UTC).plusYears(1).truncatedTo(ChronoUnit.SECONDS);
    }

    private long insertDueMail(String recipient, OffsetDateTime due) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO mail_outbox (recipient, subject, body_text,"
                        + " category, created_at, attempts, next_attempt_at) VALUES (?, 'Test', 'Body', 'ACCOUNT', ?, 0, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, recipient);
            insert.setObject(2, due);
            insert.setObject(3, due);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                assertTrue(keys.next());
                return keys.getLong(1);
            }
        }
    }

    private Map<String, Object> row(long id) throws Exception {
        return rows("id = ?", id).stream().findFirst().orElseThrow(() -> new AssertionError("no mail " + id));
    }

    private List<Map<String, Object>> rows(String condition, Object value) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT id, category, attempts, next_attempt_at, claimed_until,"
                        + " sent_at, last_error FROM mail_outbox WHERE " + condition)) {
            query.setObject(1, value);
            try (ResultSet result = query.executeQuery()) {
                List<Map<String, Object>> rows = new java.util.ArrayList<>();
                while (result.next()) {
                    Map<String, Object> row = new java.util.HashMap<>();
                    for (String column : List.of("id", "category", "attempts", "next_attempt_at", "claimed_until", "sent_at", "last_error")) {
                        row.put(column, result.getObject(column));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    private Map<String, Object> awaitRow(String recipient, java.util.function.Predicate<Map<String, Object>> condition, Duration timeout)
            throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<Map<String, Object>> rows = rows("recipient = ?", recipient);
            if (rows.size() == 1 && condition.test(rows.get(0))) {
                return rows.get(0);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("The mail to " + recipient + " did not reach the expected state within " + timeout + ": " + rows);
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    private static Instant instant(Object timestamp) {
        if (timestamp instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (timestamp instanceof java.sql.Timestamp time) {
            return time.toInstant();
        }
        throw new AssertionError("Not a timestamp: " + timestamp + (timestamp == null ? "" : " (" + timestamp.getClass() + ")"));
    }

    private static List<String> messages(ConstraintViolationException e) {
        return e.getConstraintViolations().stream().map(ConstraintViolation::getMessage).sorted().toList();
    }

    private static int unusedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String mainOf(String page) {
        int start = page.indexOf("<title>");
        int main = page.indexOf("<main");
        return (start < 0 ? "" : page.substring(start, page.indexOf("</title>") + 8)) + " "
                + (main < 0 ? page : page.substring(main, Math.min(page.length(), main + 600)));
    }

    private HttpResponse<String> get(String path) throws Exception {
        URI uri = base.toURI().resolve(path);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
