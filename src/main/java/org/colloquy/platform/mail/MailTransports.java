package org.colloquy.platform.mail;

import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chooses the {@link MailTransport} from MicroProfile Config: SMTP when {@code colloquy.smtp.host}
 * is set, otherwise the server log. The choice is made once, when the application starts, and
 * logged; a portal outside demo mode without an SMTP host gets a WARNING, because its mail would
 * only reach the log.
 *
 * <table>
 * <caption>Configuration (environment variables in brackets)</caption>
 * <tr><td>{@code colloquy.smtp.host} ({@code COLLOQUY_SMTP_HOST})</td><td>none: log transport</td></tr>
 * <tr><td>{@code colloquy.smtp.port}</td><td>587</td></tr>
 * <tr><td>{@code colloquy.smtp.user}, {@code colloquy.smtp.password}</td><td>none: no login</td></tr>
 * <tr><td>{@code colloquy.smtp.starttls}</td><td>true when a user is set, else false</td></tr>
 * <tr><td>{@code colloquy.mail.from}</td><td>{@code Colloquy <no-reply@localhost>}</td></tr>
 * </table>
 */
@ApplicationScoped
public class MailTransports {

    private static final Logger LOG = Logger.getLogger(MailTransports.class.getName());

    @Inject
    @ConfigProperty(name = "colloquy.smtp.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "colloquy.smtp.port", defaultValue = "587")
    int port;

    @Inject
    @ConfigProperty(name = "colloquy.smtp.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "colloquy.smtp.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "colloquy.smtp.starttls")
    Optional<Boolean> startTls;

    @Inject
    @ConfigProperty(name = "colloquy.mail.from", defaultValue = "Colloquy <no-reply@localhost>")
    String from;

    @Inject
    @ConfigProperty(name = "colloquy.demo", defaultValue = "false")
    boolean demoMode;

    private MailTransport configured;

    @PostConstruct
    void choose() {
        Optional<String> smtpHost = host.map(String::strip).filter(h -> !h.isEmpty());
        if (smtpHost.isPresent()) {
            configured = new SmtpTransport(new SmtpTransport.Settings(smtpHost.get(), port, user, password,
                    startTls.orElse(user.isPresent()), from));
        } else {
            configured = new LogTransport();
            if (!demoMode) {
                LOG.warning("No SMTP host is configured (COLLOQUY_SMTP_HOST): mail is written to the server log and "
                        + "not delivered. Set COLLOQUY_SMTP_HOST for a real portal.");
            }
        }
        LOG.info(() -> "Mail goes to " + configured.describe());
    }

    /** The transport chosen at start-up. */
    public MailTransport configured() {
        return configured;
    }
}
