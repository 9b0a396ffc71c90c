package org.colloquy.privacy;

import java.util.EnumSet;
import java.util.Set;

/**
 * A clause of the published privacy policy that allows a disclosure without the member's consent.
 * Each clause names the kinds of recipient it covers and, where the policy is specific, the only
 * fields it allows; {@link DisclosureService} refuses a disclosure beyond them.
 */
public enum PolicyClause {

    /** A workgroup's released document lists each active participant's name, email and company (P-RELEASE-1). */
    DOCUMENT_RELEASE(EnumSet.of(RecipientKind.PUBLIC), Set.of("name", "email", "organization")),

    /** Collaborators of a workgroup see each other's collaboration profile (P-RELEASE-2). */
    COLLABORATION(EnumSet.of(RecipientKind.WORKGROUP), Set.of("name", "email", "profile", "photo")),

    /** The administrator of a member organization that claims the member's email domain (P-CORP-1). */
    ORGANIZATION_ADMINISTRATION(EnumSet.of(RecipientKind.ORGANIZATION), null),

    /** A disclosure the law requires, such as to an authority. */
    LEGAL_OBLIGATION(EnumSet.allOf(RecipientKind.class), null);

    private final Set<RecipientKind> recipients;
    private final Set<String> fields;

    PolicyClause(Set<RecipientKind> recipients, Set<String> fields) {
        this.recipients = recipients;
        this.fields = fields;
    }

    /** Whether this clause covers disclosing these fields to a recipient of this kind. */
    public boolean covers(RecipientKind kind, Set<String> disclosed) {
        return recipients.contains(kind) && (fields == null || fields.containsAll(disclosed));
    }

    public boolean coversRecipient(RecipientKind kind) {
        return recipients.contains(kind);
    }

    /** Key of the clause's short name ("Document release"). */
    public String labelKey() {
        return "policy.clause." + name();
    }

    /** Key of the text explaining what the clause allows and where the policy says so. */
    public String messageKey() {
        return "policy.clause." + name() + ".text";
    }
}
