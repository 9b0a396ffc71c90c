package org.colloquy.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.colloquy.platform.text.Markdown;
import org.junit.jupiter.api.Test;

/** The demo's first versions pass the publication checks and say what the promises say (P-FORUM-2, P-POLICY-1). */
class PolicyDemoContentTest {

    private final Markdown markdown = new Markdown();

    @Test
    void eachFirstVersionPassesThePublicationChecks() {
        LocalDate today = LocalDate.of(2030, 1, 31);
        for (String text : new String[] {PolicyDemoContent.PRIVACY, PolicyDemoContent.RULES, PolicyDemoContent.COOKIES}) {
            Map<String, String> problems = PolicyPublisher.problems(
                    new PolicyDraft(PolicyKind.PRIVACY_POLICY, text, today, null, false), Optional.empty(), today);
            assertEquals(Map.of(), problems);
            assertFalse(markdown.toHtml(text).matches("(?s).*href=\"(https?:)?//.*"), "no link leaves the site");
        }
    }

    /** P-FORUM-2: the rules forbid every category the promise names. */
    @Test
    void theRulesNameEveryForbiddenCategory_P_FORUM_2() {
        String rules = markdown.toHtml(PolicyDemoContent.RULES);
        for (String category : new String[] {"knowingly false or defamatory", "abusive, vulgar, hateful or harassing",
                "obscene, profane or sexually oriented", "threatening", "invades someone&#39;s privacy", "unlawful",
                "copyrighted material without the permission", "advertisements, chain letters, pyramid schemes or solicitations"}) {
            assertTrue(rules.contains(category), category + " in " + rules);
        }
    }

    @Test
    void aLaterVersionNeedsASummaryAndAnEffectiveDateNotBeforeThePrevious() {
        LocalDate today = LocalDate.of(2030, 1, 31);
        PolicyVersion previous = new PolicyVersion(PolicyKind.COOKIE_NOTICE, 1,
                new PolicyDraft(PolicyKind.COOKIE_NOTICE, "one", today.plusDays(10), null, false), "x".repeat(64),
                java.time.OffsetDateTime.now(), null);
        Map<String, String> problems = PolicyPublisher.problems(
                new PolicyDraft(PolicyKind.COOKIE_NOTICE, "two", today.plusDays(5), null, false), Optional.of(previous), today);
        assertEquals(java.util.List.of("effective", "summary"), java.util.List.copyOf(problems.keySet()));
    }
}
