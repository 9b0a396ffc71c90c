package org.colloquy.privacy;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One ledger entry as a page shows it.
 *
 * @param basisDescription the basis in words ("Your consent no. 5, given via Webinar registration form",
 *                         "Privacy policy: Document release")
 * @param consentId        the consent it rested on, or null for a policy clause
 * @param clause           the policy clause it rested on, or null for a consent
 * @param disclosedAt      when, in UTC
 * @param endsEntryId      for the end of a lasting disclosure (a testimonial no longer shown with a
 *                         name), the entry whose showing ended; null for a disclosure
 */
public record LedgerEntryView(long id, long memberId, RecipientKind kind, String recipientKey, String recipientLabel,
                              Set<String> fields, String purpose, String basisDescription, Long consentId,
                              PolicyClause clause, OffsetDateTime disclosedAt, Long endsEntryId) {

    public LedgerEntryView {
        fields = Collections.unmodifiableSet(new LinkedHashSet<>(fields));
    }

    /** Whether this entry marks the end of a lasting disclosure rather than a disclosure. */
    public boolean isEnd() {
        return endsEntryId != null;
    }
}
