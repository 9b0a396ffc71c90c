package org.colloquy.policy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.security.Caller;
import org.colloquy.platform.i18n.Dates;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.privacy.Consent;
import org.colloquy.privacy.ConsentRequest;
import org.colloquy.privacy.ConsentService;

/**
 * The policy documents (P-POLICY-1): which version of each is in effect, every earlier one, the
 * publication of a new one, and members' acceptance of them, recorded as consents (P-CONSENT-1).
 *
 * <p>A version is <em>in effect</em> from its effective date (UTC); the newest in effect is the
 * current one. A <em>material</em> version is announced from its publication until (and on) its
 * effective date, by mail and on the home page; once it is in effect, a member who had not accepted
 * it (or a later version) owes an acceptance: of the privacy policy, every member; of the forum
 * rules, a member who had accepted earlier rules (the others accept before their first post). The
 * cookie notice is only ever read, never accepted.
 */
@Stateless
@PermitAll
@DeclareRoles("ADMIN")
public class PolicyService {

    @Inject
    private PolicyVersions versions;

    @Inject
    private PolicyPublisher publisher;

    @Inject
    private ConsentService consents;

    @Inject
    private Caller caller;

    @Inject
    private Dates dates;

    /** The version in effect today, if any has taken effect. */
    public Optional<PolicyVersion> current(PolicyKind kind) {
        return versions.inEffect(kind, today());
    }

    public Optional<PolicyVersion> version(PolicyKind kind, int number) {
        return versions.byNumber(kind, number);
    }

    /** Every published version, newest first, including one not yet in effect. */
    public List<PolicyVersion> versions(PolicyKind kind) {
        return versions.ofKind(kind);
    }

    /** The newest published version when it has not taken effect yet. */
    public Optional<PolicyVersion> upcoming(PolicyKind kind) {
        LocalDate today = today();
        return versions.ofKind(kind).stream().findFirst().filter(v -> !v.isInEffectOn(today));
    }

    /**
     * Publishes the next version of a document, numbered after the newest. A material version is
     * mailed to every member in the same transaction.
     *
     * @throws InvalidInputException when a field is refused (effective date in the past or before the
     *         previous version's, no summary for a material change or a later version, no text or the same text)
     */
    @RolesAllowed("ADMIN")
    public PolicyVersion publish(PolicyDraft draft) {
        return publisher.publish(draft, caller.requireMemberId());
    }

    /** Material changes announced now: published, taking effect today or later, soonest first (the home page notice). */
    public List<PolicyVersion> pendingMaterialChanges() {
        return versions.materialAnnounced(today());
    }

    /**
     * Whether nothing of this document awaits the member's acceptance: they accepted the first
     * version in effect or a later one, and no material change in effect since. True for a document
     * with no version in effect (nothing to accept) and for the cookie notice.
     */
    public boolean hasAcceptedCurrent(long memberId, PolicyKind kind) {
        if (!kind.isAccepted()) {
            return true;
        }
        LocalDate today = today();
        int required = versions.ofKind(kind).stream()
                .filter(v -> v.isInEffectOn(today) && (v.isMaterial() || v.number() == 1))
                .mapToInt(PolicyVersion::number).max().orElse(0);
        return required == 0 || acceptedVersion(memberId, kind) >= required;
    }

    /** The highest version of this document the member accepted and did not withdraw; 0 for none. */
    public int acceptedVersion(long memberId, PolicyKind kind) {
        if (!kind.isAccepted()) {
            return 0;
        }
        return consents.history(memberId).stream()
                .filter(c -> c.isLive() && c.purpose() == kind.purpose().orElseThrow())
                .mapToInt(c -> kind.numberIn(c.noticeVersion()))
                .max().orElse(0);
    }

    /**
     * Records that the member accepts the version in effect of a document, as a consent naming its
     * number and the digest of its text. Accepting again what is already accepted adds nothing.
     *
     * @param version the number the member was shown
     * @throws PolicyChangedException when that is no longer the version in effect
     * @throws IllegalArgumentException for the cookie notice, or when no version is in effect
     */
    public Consent accept(long memberId, PolicyKind kind, int version, String via) {
        if (!kind.isAccepted()) {
            throw new IllegalArgumentException("The " + kind.slug() + " notice is not accepted, only read");
        }
        PolicyVersion current = current(kind).orElseThrow(
                () -> new IllegalArgumentException("No version of the " + kind.slug() + " is in effect to accept"));
        if (current.number() != version) {
            throw new PolicyChangedException(kind, version, current.number());
        }
        return consents.give(memberId, ConsentRequest.of(kind.purpose().orElseThrow(), kind.noticeVersion(version),
                noticeText(current), via));
    }

    /** As {@link #accept} for the signed-in member. */
    public Consent acceptAsCaller(PolicyKind kind, int version, String via) {
        return accept(caller.requireMemberId(), kind, version, via);
    }

    /**
     * The documents whose current version the member must accept before going on: for each, the
     * version in effect, when a material change in effect is not yet accepted.
     */
    public List<PolicyVersion> owedBy(long memberId) {
        LocalDate today = today();
        List<PolicyVersion> material = versions.materialInEffect(today);
        if (material.isEmpty()) {
            return List.of();
        }
        List<PolicyVersion> owed = new ArrayList<>();
        for (PolicyKind kind : PolicyKind.values()) {
            if (!kind.isAccepted()) {
                continue;
            }
            int newestMaterial = material.stream().filter(v -> v.kind() == kind).mapToInt(PolicyVersion::number).max().orElse(0);
            if (newestMaterial == 0) {
                continue;
            }
            int accepted = acceptedVersion(memberId, kind);
            boolean concerned = kind == PolicyKind.PRIVACY_POLICY || accepted > 0;
            if (concerned && accepted < newestMaterial) {
                current(kind).ifPresent(owed::add);
            }
        }
        return owed;
    }

    /**
     * For actions that need the member's acceptance of the policies in effect (posting): throws
     * until the member accepted every material change in effect. Never called for reading,
     * signing out, exporting or deleting an account.
     *
     * @throws PolicyAcceptanceRequiredException naming what is owed
     */
    public void requireCurrentAcceptance(long memberId) {
        List<PolicyVersion> owed = owedBy(memberId);
        if (!owed.isEmpty()) {
            throw new PolicyAcceptanceRequiredException(owed);
        }
    }

    /** The words a member's acceptance records: the document, its number, dates and the digest of its text. */
    String noticeText(PolicyVersion version) {
        return Texts.get("policy.consent.notice", Texts.get("policy.kindLower." + version.kind().name()), version.number(),
                dates.date(version.publishedAt()), dates.day(version.effectiveOn()), version.bodySha256());
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
