package org.colloquy.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.ResourceBundle;
import java.util.Set;

import org.colloquy.platform.i18n.Texts;
import org.junit.jupiter.api.Test;

/**
 * The list the deletion page, the last mail and the deletion follow (P-ACCOUNT-2): every term has
 * its text, each kind of data appears once, and everything kept says why and for how long.
 */
class DeletionTermsTest {

    @Test
    void everyTermHasItsTextAndAppearsOnce_P_ACCOUNT_2() {
        Set<String> keys = new HashSet<>();
        for (DeletionTerms.Term term : DeletionTerms.ALL) {
            assertTrue(keys.add(term.key()), "once: " + term.key());
            assertFalse(Texts.get(term.messageKey(), 30).isBlank(), term.key());
            // The texts are formatted with the quarantine days: a single apostrophe would vanish.
            String pattern = ResourceBundle.getBundle(Texts.BUNDLE, Texts.SITE_LOCALE).getString(term.messageKey());
            assertFalse(pattern.replace("''", "").contains("'"), term.key() + " needs '' for an apostrophe");
        }
        assertEquals(1, DeletionTerms.withFate(DeletionTerms.Fate.CHOSEN).size(), "the posts, which the member chooses");
    }

    @Test
    void whatIsKeptSaysForHowLong_P_ACCOUNT_2() {
        assertFalse(DeletionTerms.withFate(DeletionTerms.Fate.KEPT).isEmpty());
        for (DeletionTerms.Term term : DeletionTerms.withFate(DeletionTerms.Fate.KEPT)) {
            String text = Texts.get(term.messageKey(), 45);
            assertEquals(6, DeletionTerms.RECORDS_YEARS, "the texts say six years");
            assertTrue(text.contains("six years")
                    || text.contains("45 days") || text.contains("while the document is published"), term.key() + ": " + text);
        }
    }
}
