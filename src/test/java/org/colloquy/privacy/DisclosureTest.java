package org.colloquy.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.colloquy.platform.i18n.Texts;
import org.junit.jupiter.api.Test;

/** What a disclosure request must say before the service looks at it, and what the clauses cover. */
class DisclosureTest {

    private static final Recipient SPONSOR = new Recipient(RecipientKind.SPONSOR, "sponsor:42", "Acme Ltd (sponsor of Webinar X)");

    @Test
    void aRecipientHasAStableKeyAndALabel() {
        assertEquals("public", Recipient.everyone("Everyone").key());
        assertEquals("Acme", new Recipient(RecipientKind.SPONSOR, "sponsor:42", "  Acme ").label());
        assertThrows(IllegalArgumentException.class, () -> new Recipient(RecipientKind.SPONSOR, "", "Acme"));
        assertThrows(IllegalArgumentException.class, () -> new Recipient(RecipientKind.SPONSOR, "sponsor 42", "Acme"));
        assertThrows(IllegalArgumentException.class, () -> new Recipient(RecipientKind.SPONSOR, "s".repeat(101), "Acme"));
        assertThrows(IllegalArgumentException.class, () -> new Recipient(RecipientKind.SPONSOR, "sponsor:42", " "));
        assertThrows(IllegalArgumentException.class, () -> new Recipient(RecipientKind.SPONSOR, "sponsor:42", "a".repeat(201)));
        assertThrows(NullPointerException.class, () -> new Recipient(null, "sponsor:42", "Acme"));
    }

    @Test
    void aDisclosureNamesFieldsAPurposeAndABasisForEveryMember() {
        Disclosure ok = Disclosure.of(SPONSOR, new LinkedHashSet<>(List.of("name", "job_title")), " Attendee list ", 7L, Basis.consent(3));
        assertEquals(List.of("name", "job_title"), List.copyOf(ok.fields()), "the order given is kept");
        assertEquals("Attendee list", ok.purpose());
        assertEquals(Set.of(7L), ok.members());

        assertThrows(IllegalArgumentException.class, () -> Disclosure.of(SPONSOR, Set.of(), "List", 7L, Basis.consent(3)));
        assertThrows(IllegalArgumentException.class, () -> Disclosure.of(SPONSOR, Set.of("e,mail"), "List", 7L, Basis.consent(3)));
        assertThrows(IllegalArgumentException.class, () -> Disclosure.of(SPONSOR, Set.of("Email"), "List", 7L, Basis.consent(3)));
        assertThrows(IllegalArgumentException.class, () -> Disclosure.of(SPONSOR, Set.of("email"), " ", 7L, Basis.consent(3)));
        assertThrows(IllegalArgumentException.class, () -> Disclosure.of(SPONSOR, Set.of("email"), "p".repeat(301), 7L, Basis.consent(3)));
        assertThrows(IllegalArgumentException.class, () -> new Disclosure(SPONSOR, Set.of("email"), "List", Map.of()));
        assertThrows(NullPointerException.class, () -> Disclosure.of(SPONSOR, Set.of("email"), "List", 7L, null));
    }

    @Test
    void aPolicyClauseCoversOnlyItsRecipientsAndFields() {
        assertTrue(PolicyClause.DOCUMENT_RELEASE.covers(RecipientKind.PUBLIC, Set.of("name", "email", "organization")));
        assertFalse(PolicyClause.DOCUMENT_RELEASE.covers(RecipientKind.PUBLIC, Set.of("name", "job_title")));
        assertFalse(PolicyClause.DOCUMENT_RELEASE.covers(RecipientKind.SPONSOR, Set.of("name")));
        assertTrue(PolicyClause.ORGANIZATION_ADMINISTRATION.covers(RecipientKind.ORGANIZATION, Set.of("email", "forum_activity")));
        assertFalse(PolicyClause.ORGANIZATION_ADMINISTRATION.covers(RecipientKind.PUBLIC, Set.of("email")));
        for (PolicyClause clause : PolicyClause.values()) {
            assertFalse(Texts.get(clause.labelKey()).isBlank());
            assertFalse(Texts.get(clause.messageKey()).isBlank());
        }
        for (RefusalReason reason : RefusalReason.values()) {
            assertFalse(Texts.get(reason.messageKey()).isBlank());
        }
        for (RecipientKind kind : RecipientKind.values()) {
            assertFalse(Texts.get(kind.messageKey()).isBlank());
        }
    }

    @Test
    void aRefusalNamesEachMemberAndWhy() {
        DisclosureRefusedException refused = new DisclosureRefusedException(SPONSOR,
                Map.of(12L, RefusalReason.WITHDRAWN));
        assertEquals("Nothing was disclosed to Acme Ltd (sponsor of Webinar X): member 12: the consent was withdrawn.",
                refused.getMessage());
        assertEquals(Set.of(12L), refused.refusedMemberIds());
    }

    @Test
    void aLedgerPageKnowsWhereItIs() {
        LedgerPage empty = new LedgerPage(List.of(), 0, 20, 0);
        assertEquals(0, empty.pages());
        assertFalse(empty.hasNext());
        LedgerPage middle = new LedgerPage(List.of(), 1, 20, 41);
        assertEquals(3, middle.pages());
        assertTrue(middle.hasNext());
        assertTrue(middle.hasPrevious());
        assertFalse(new LedgerPage(List.of(), 2, 20, 41).hasNext());
    }
}
