package org.colloquy.account;

import java.util.List;

/**
 * What deleting an account does to each kind of data (P-ACCOUNT-2): the one list that the page
 * {@code /account/delete} shows before the member decides, that the last mail repeats, and that
 * {@link AccountDeletion} and the observers of {@link MemberDeleting} follow. Each term is a message
 * key ({@code deletion.term.<key>}, formatted with the username quarantine in days as {@code {0}})
 * and its fate; what is kept says in its text why and for how long.
 */
public final class DeletionTerms {

    /** What becomes of one kind of data. */
    public enum Fate {
        /** Erased in the deleting transaction. */
        ERASED,
        /** Depends on the member's choice about their posts. */
        CHOSEN,
        /** Someone else is told to erase it. */
        NOTIFIED,
        /** Kept, for the reason and the time the text states. */
        KEPT
    }

    /** One kind of data, its fate, and the message key that tells the member. */
    public record Term(String key, Fate fate) {

        public String messageKey() {
            return "deletion.term." + key;
        }
    }

    /**
     * How long the records kept for proof (consents, ledger, staff log about the account, the last
     * mail) outlive the deletion: the general limitation period for claims, as the texts say.
     */
    public static final int RECORDS_YEARS = 6;

    /** Every term, in the order the page and the mail show them. */
    public static final List<Term> ALL = List.of(
            new Term("account", Fate.ERASED),
            new Term("profile", Fate.ERASED),
            new Term("posts", Fate.CHOSEN),
            new Term("forumTraces", Fate.ERASED),
            new Term("mentions", Fate.ERASED),
            new Term("testimonials", Fate.ERASED),
            new Term("events", Fate.ERASED),
            new Term("consents", Fate.ERASED),
            new Term("organizationNotices", Fate.ERASED),
            new Term("notices", Fate.ERASED),
            new Term("sponsors", Fate.NOTIFIED),
            new Term("ledger", Fate.KEPT),
            new Term("releases", Fate.KEPT),
            new Term("staffLog", Fate.KEPT),
            new Term("privacyRequests", Fate.KEPT),
            new Term("username", Fate.KEPT),
            new Term("lastMail", Fate.KEPT));

    private DeletionTerms() {
    }

    public static List<Term> withFate(Fate fate) {
        return ALL.stream().filter(term -> term.fate() == fate).toList();
    }
}
