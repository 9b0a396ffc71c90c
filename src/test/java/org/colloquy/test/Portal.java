package org.colloquy.test;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The built portal running on Payara Micro, as a visitor reaches it: the real WAR (plus the test
 * hooks of {@link Deployments#portalTestWar}, all under {@code /test/}) at the root
 * context on a free loopback port, with the database the environment names (in-memory H2 unless
 * {@code COLLOQUY_DB_URL} is set). One instance serves every browser and HTTP test of a run; see
 * {@link PortalExtension}. Its server log is {@code target/portal-it/server.log}.
 *
 * <p>Its mail goes over real SMTP to a {@link TestMailServer} of its own, started before Payara and
 * stopped with it; {@link #mail()} reads what arrived. The outbox polls every second, and links in
 * mail point at this portal ({@code colloquy.site.url}).
 */
public final class Portal implements AutoCloseable {

    /** The address the test portal makes its first administrator ({@code COLLOQUY_ADMIN_EMAIL}). */
    public static final String ADMIN_EMAIL = "first-admin@colloquy.test";

    /**
     * A second configured administrator, for a browser test that needs one of its own, so that it
     * does not depend on whether the test of the first administrator ran before it.
     */
    public static final String SECOND_ADMIN_EMAIL = "second-admin@colloquy.test";

    /** A third administrator, for the forum browser test (it creates a forum and publishes forum rules). */
    public static final String FORUM_ADMIN_EMAIL = "forum-admin@colloquy.test";

    /** A fourth administrator, for the workgroup browser test (it creates a workgroup and appoints its chair). */
    public static final String WORKGROUP_ADMIN_EMAIL = "workgroup-admin@colloquy.test";

    /** A fifth administrator, for the organization browser test (it registers an organization). */
    public static final String ORGANIZATION_ADMIN_EMAIL = "organization-admin@colloquy.test";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final Process process;
    private final int port;
    private final Path log;
    private final TestMailServer mail;

    private Portal(Process process, int port, Path log, TestMailServer mail) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.mail = mail;
    }

    static Portal start() {
        try {
            Path work = Path.of("target", "portal-it").toAbsolutePath();
            deleteRecursively(work);
            Files.createDirectories(work);
            Path log = work.resolve("server.log");
            int port = freePort();
            TestMailServer mail = TestMailServer.start();
            List<String> command = List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-XX:+UseSerialGC",
                    "-Dhazelcast.phone.home.enabled=false",
                    // System properties are a MicroProfile Config source: real SMTP to the test's server.
                    "-Dcolloquy.smtp.host=127.0.0.1",
                    "-Dcolloquy.smtp.port=" + mail.port(),
                    "-Dcolloquy.mail.poll-seconds=1",
                    "-Dcolloquy.site.url=http://127.0.0.1:" + port,
                    // The first administrator, and staff roles only with a second factor, as a careful operator sets it.
                    "-Dcolloquy.admin.email=" + ADMIN_EMAIL + "," + SECOND_ADMIN_EMAIL + "," + FORUM_ADMIN_EMAIL + "," + WORKGROUP_ADMIN_EMAIL
                            + "," + ORGANIZATION_ADMIN_EMAIL,
                    "-Dcolloquy.staff-mfa=true",
                    // Other contexts' tests post as brand-new members; moderation tests turn holding on themselves (HeldPosts).
                    "-Dcolloquy.moderation.held-posts=0",
                    // No hourly release job: WorkgroupBrowserIT moves a release to today and has the chair release
                    // it; the job, running in between, would have released it first (ReleaseDayTest covers the switch).
                    "-Dcolloquy.workgroup.release-day.enabled=false",
                    // The lowest count the portal accepts (production: 600 000): sign-ins are a sixth of the
                    // work; PasswordHasherTest checks the production setting.
                    "-D" + org.colloquy.account.PasswordHasher.ITERATIONS_KEY + "=" + org.colloquy.account.PasswordHasher.MINIMUM_CONFIGURED_ITERATIONS,
                    "-jar", System.getProperty("payara.microJar", "target/payara-micro.jar"),
                    "--deploy", Deployments.portalTestWar(work).getAbsolutePath(),
                    "--contextroot", "/",
                    "--port", Integer.toString(port),
                    "--nohazelcast", "--disablephonehome",
                    "--prebootcommandfile", new File("src/main/payara/loopback.asadmin").getAbsolutePath(),
                    "--rootdir", work.resolve("root").toString());
            Process process;
            try {
                process = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
            } catch (IOException e) {
                mail.close();
                throw e;
            }
            Portal portal = new Portal(process, port, log, mail);
            portal.awaitReady();
            return portal;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start Payara Micro for the tests", e);
        }
    }

    /** @return the absolute URL of a path on the portal, e.g. {@code url("/forums")} */
    public String url(String path) {
        return "http://127.0.0.1:" + port + (path.startsWith("/") ? path : "/" + path);
    }

    public URI uri(String path) {
        return URI.create(url(path));
    }

    /** The mail the portal has sent, as its SMTP server received it. */
    public MailInbox mail() {
        return mail;
    }

    private void awaitReady() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited while starting; see " + log + "\n" + tail());
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(uri("/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the portal", e);
            }
            process.onExit().completeOnTimeout(null, 500, TimeUnit.MILLISECONDS).join();
        }
        close();
        throw new IllegalStateException("The portal was not ready within " + START_TIMEOUT + "; see " + log + "\n" + tail());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Payara Micro reuses what it finds in its root folder; every run starts from none. */
    private static void deleteRecursively(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (var paths = Files.walk(folder)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            mail.close();
        }
    }
}
