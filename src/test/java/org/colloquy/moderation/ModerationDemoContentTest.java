package org.colloquy.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.colloquy.account.DemoAccounts;
import org.colloquy.account.Role;
import org.junit.jupiter.api.Test;

/**
 * The demo sanction history (decision 0052): a demo moderator warns a plain demo member, silences
 * them and lifts it early, so a moderator's member page has a warning and a lifted silence to show
 * and the member has notices to read; every step is one the moderation desk accepts.
 */
class ModerationDemoContentTest {

    @Test
    void aDemoModeratorWarnsAPlainDemoMemberAndLiftsASilenceEarly_P_FORUM_3() {
        assertEquals(Role.MODERATOR, roleOf(SanctionDemoContent.MODERATOR));
        assertEquals(Role.MEMBER, roleOf(SanctionDemoContent.MEMBER), "moderators do not sanction staff");
        List<Sanction> kinds = SanctionDemoContent.STEPS.stream().map(SanctionDemoContent.Step::kind).toList();
        assertEquals(List.of(Sanction.WARN, Sanction.SILENCE, Sanction.LIFT_SILENCE), kinds);
        for (SanctionDemoContent.Step step : SanctionDemoContent.STEPS) {
            assertTrue(!step.words().isBlank() && step.words().length() <= 900, step.words());
            if (step.kind().isLift()) {
                assertNull(step.category());
            } else {
                assertNotNull(step.category(), "a warning or silence names the rule");
            }
            assertEquals(step.kind().needsEnd(), step.days() > 0, step.toString());
        }
        assertTrue(new SanctionDemoContent().order() > new DemoAccounts().order(), "seeded after the accounts");
        assertTrue(new SanctionDemoContent().order() > new ModerationDemoContent().order(), "after the review queue's flags");
        assertTrue(!new SanctionDemoContent().name().equals(new ModerationDemoContent().name()),
                "a name of its own, so a demo database seeded before gets it too");
    }

    private static Role roleOf(String username) {
        return DemoAccounts.ACCOUNTS.stream().filter(a -> a.username().equals(username)).findFirst().orElseThrow().role();
    }
}
