package org.colloquy.privacy.breach;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.colloquy.account.MemberDirectory;
import org.colloquy.platform.demo.DemoContent;

/**
 * One past breach for the demo, so that the privacy officer's page (priya) has a history to show:
 * every member affected, sent about four months ago, its public notice long ended. No live banner:
 * a demo that greets every visitor with a security notice would read as a real incident (decision 0033).
 */
@ApplicationScoped
public class BreachDemoContent implements DemoContent {

    @Inject
    private BreachDesk desk;

    @Inject
    private MemberDirectory directory;

    @Override
    public String name() {
        return "breach";
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public void seed() {
        long priya = directory.idOf("priya").orElseThrow(() -> new IllegalStateException("No demo member priya"));
        OffsetDateTime sent = OffsetDateTime.now(ZoneOffset.UTC).minusDays(120);
        LocalDate discovered = sent.toLocalDate().minusDays(1);
        desk.recordPastForDemo(priya, new BreachReport(
                "Mailing service misconfiguration exposed email addresses",
                "For two days a misconfigured mailing service showed the recipients of one newsletter to each other.",
                discovered.minusDays(2), discovered,
                "email address",
                "We corrected the configuration the same day, asked the mailing service to delete the copies and checked every other list.",
                "Be wary of unexpected mail that mentions Colloquy. No password was exposed, so there is nothing to change.",
                "privacy@colloquy.example",
                BreachScope.ALL_MEMBERS, null, sent.toLocalDate().plusDays(30)), sent);
    }
}
