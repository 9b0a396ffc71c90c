package org.colloquy.forum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * P-ACCOUNT-2: a deleted member's {@code @name} leaves others' posts, and nothing else of their words
 * changes: not other members whose names begin the same, not email addresses, not paths.
 */
class FormerMentionsTest {

    private final FormerMentions former = new FormerMentions(List.of("Ada_x", "oldada"), "a former member");

    @Test
    void mentionsAndQuoteAttributionsOfTheMemberBecomeAFormerMember_P_ACCOUNT_2() {
        assertEquals("> a former member wrote:\n> I agree\n\nThanks a former member, and a former member.",
                former.apply("> @ada_x wrote:\n> I agree\n\nThanks @ADA_X, and @oldada."));
        assertEquals("`a former member` in code too", former.apply("`@Ada_x` in code too"));
        assertEquals("Ask a former member...", former.apply("Ask @ada_x..."));
    }

    @Test
    void otherNamesAddressesAndPathsStayAsWritten_P_ACCOUNT_2() {
        String text = "@ada_xy and @ada_x.b and mail ada@ada_x.org and /u/@ada_x2 and x@ada_x";
        assertSame(text, former.apply(text));
        assertEquals(Set.of("%@ada_x%", "%@oldada%"), FormerMentions.likePatterns(List.of("Ada_x", "oldada")));
    }
}
