package org.colloquy.policy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.colloquy.account.MemberAddresses;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.mail.MailCategory;
import org.colloquy.platform.mail.MailOutbox;
import org.colloquy.platform.i18n.Dates;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.platform.web.Site;

/**
 * Checks and publishes a version, and announces a material one to every member by mail, in one
 * transaction: the version and its mails exist together or not at all. Called by
 * {@link PolicyService#publish} for an administrator and by the demo content for the system; it
 * checks no role itself, so nothing outside the policy context may call it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class PolicyPublisher {

    private static final int MAIL_PAGE = 500;

    @Inject
    private PolicyVersions versions;

    @Inject
    private MemberAddresses addresses;

    @Inject
    private MailOutbox outbox;

    @Inject
    private Site site;

    @Inject
    private Dates dates;

    /**
     * @param publishedBy the publishing member, null for the system
     * @throws InvalidInputException with a message per field when the draft is refused
     */
    public PolicyVersion publish(PolicyDraft draft, Long publishedBy) {
        if (draft.kind() == null) {
            throw new InvalidInputException(Map.of("kind", Texts.get("policy.publish.kind.required")));
        }
        Optional<PolicyVersion> previous = versions.newestLocked(draft.kind());
        Map<String, String> problems = problems(draft, previous, LocalDate.now(ZoneOffset.UTC));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int number = previous.map(v -> v.number() + 1).orElse(1);
        PolicyVersion version = new PolicyVersion(draft.kind(), number, draft, sha256(draft.bodyMarkdown()),
                OffsetDateTime.now(ZoneOffset.UTC), publishedBy);
        versions.add(version);
        if (version.isMaterial()) {
            announce(version);
        }
        return version;
    }

    static Map<String, String> problems(PolicyDraft draft, Optional<PolicyVersion> previous, LocalDate today) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (draft.bodyMarkdown() == null || draft.bodyMarkdown().isBlank()) {
            problems.put("body", Texts.get("policy.publish.body.required"));
        } else if (draft.bodyMarkdown().length() > PolicyVersion.BODY_LENGTH) {
            problems.put("body", Texts.get("policy.publish.body.tooLong", PolicyVersion.BODY_LENGTH));
        } else if (previous.isPresent() && previous.get().bodyMarkdown().equals(draft.bodyMarkdown())) {
            problems.put("body", Texts.get("policy.publish.body.unchanged", previous.get().number()));
        }
        if (draft.effectiveOn() == null) {
            problems.put("effective", Texts.get("policy.publish.effective.required"));
        } else if (draft.effectiveOn().isBefore(today)) {
            problems.put("effective", Texts.get("policy.publish.effective.past"));
        } else if (previous.isPresent() && draft.effectiveOn().isBefore(previous.get().effectiveOn())) {
            problems.put("effective", Texts.get("policy.publish.effective.beforePrevious", previous.get().number(),
                    previous.get().effectiveOn().toString()));
        }
        boolean noSummary = draft.summary() == null || draft.summary().isBlank();
        if (noSummary && draft.material()) {
            problems.put("summary", Texts.get("policy.publish.summary.material"));
        } else if (noSummary && previous.isPresent()) {
            problems.put("summary", Texts.get("policy.publish.summary.required"));
        } else if (!noSummary && draft.summary().strip().length() > PolicyVersion.SUMMARY_LENGTH) {
            problems.put("summary", Texts.get("policy.publish.summary.tooLong", PolicyVersion.SUMMARY_LENGTH));
        }
        return problems;
    }

    /** Mails every member with a verified address, whatever they chose about newsletters (P-POLICY-1, P-MARKETING-1). */
    private void announce(PolicyVersion version) {
        String title = Texts.get("policy.kindLower." + version.kind().name());
        String effective = dates.day(version.effectiveOn());
        String link = site.getUrl() + version.kind().path(version.number());
        long after = 0;
        List<MemberAddresses.Address> page;
        do {
            page = addresses.verified(after, MAIL_PAGE);
            for (MemberAddresses.Address address : page) {
                outbox.enqueue(MailCategory.ACCOUNT, address.email(),
                        Texts.get("policy.mail.subject", site.getName(), title, effective),
                        Texts.get("policy.mail.body", site.getName(), title, effective, version.summary(), link, address.name()));
                after = address.memberId();
            }
        } while (page.size() == MAIL_PAGE);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
