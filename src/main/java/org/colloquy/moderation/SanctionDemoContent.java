package org.colloquy.moderation;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.colloquy.account.MemberDirectory;
import org.colloquy.platform.demo.DemoContent;

/**
 * A sanction history for the demo (decision 0052): morgan warns sam, later silences sam for a week
 * and lifts the silence early, all through the moderation desk as a moderator would. So morgan's
 * page for sam ({@code /moderation/member?u=sam}) lists a warning and a silence lifted early, and
 * sam finds the three notices (and mails) a sanctioned member gets under Notifications. Seeded after
 * the review queue's demo flags, under a name of its own so that an existing demo database gets it.
 */
@ApplicationScoped
public class SanctionDemoContent implements DemoContent {

    /** One thing the moderator does, in order. {@code days} is the length of a silence or suspension. */
    public record Step(Sanction kind, FlagReason category, String words, int days) {
    }

    public static final String MODERATOR = "morgan";
    public static final String MEMBER = "sam";

    public static final List<Step> STEPS = List.of(
            new Step(Sanction.WARN, FlagReason.ADVERTISING,
                    "Please do not post referral links; the forum rules ask members not to advertise.", 0),
            new Step(Sanction.SILENCE, FlagReason.ADVERTISING,
                    "Referral links again after a warning: a week without posting.", 7),
            new Step(Sanction.LIFT_SILENCE, null, "Sam took the links down and apologised in the thread.", 0));

    @Inject
    private ModerationDesk desk;

    @Inject
    private MemberDirectory directory;

    @Override
    public String name() {
        return "moderation-sanctions";
    }

    @Override
    public int order() {
        return 36;
    }

    @Override
    public void seed() {
        long moderator = idOf(MODERATOR);
        long member = idOf(MEMBER);
        for (Step step : STEPS) {
            OffsetDateTime until = step.kind().needsEnd() ? OffsetDateTime.now(ZoneOffset.UTC).plusDays(step.days()) : null;
            desk.sanction(moderator, member, step.kind(), step.category(), step.words(), until);
        }
    }

    private long idOf(String username) {
        return directory.idOf(username).orElseThrow(() -> new IllegalStateException("No demo member " + username));
    }
}
