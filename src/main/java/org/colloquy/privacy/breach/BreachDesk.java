package org.colloquy.privacy.breach;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.colloquy.account.MemberAddresses;
import org.colloquy.account.MemberDirectory;
import org.colloquy.account.StaffAction;
import org.colloquy.account.StaffLog;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.validation.InvalidInputException;

/**
 * Breach notices for a given staff member (P-BREACH-1): records a breach, previews who is affected
 * and what they will read, and sends the notice to each affected member once, in batches of
 * {@value #BATCH} members, each its own short transaction ({@link BreachBatches}), so thousands of
 * members never hold one long transaction and a failed send resumes where it stopped. The role is
 * checked here, in the database, on every call; {@link BreachNotices} is the same for the signed-in caller.
 *
 * <p>Who is affected: for {@link BreachScope#RECIPIENT}, every member the disclosure ledger shows was
 * disclosed to that recipient (ended lasting disclosures included: the data went there), each told
 * which of their fields went; for {@link BreachScope#ALL_MEMBERS}, every member with a verified
 * address; for the scopes other contexts own (a forum category's posters, a workgroup's participants,
 * a webinar's registrants, the members who joined in a date range), the members {@link BreachScopes}
 * finds through those contexts' services. Suspended and deactivated members are affected and mailed
 * all the same: it is their data.
 */
@Stateless
@PermitAll
public class BreachDesk {

    /** Members per sending transaction. */
    static final int BATCH = 200;

    /** The longest a public banner may be set to show, in days from today. */
    static final int MAX_BANNER_DAYS = 365;

    private static final int SAMPLE_USERNAMES = 5;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private MemberDirectory directory;

    @Inject
    private MemberAddresses addresses;

    @Inject
    private StaffLog staffLog;

    @Inject
    private BreachBatches batches;

    @Inject
    private BreachTexts texts;

    @Inject
    private BreachScopes scopes;

    @Inject
    private Event<BreachNoticeSent> sentEvent;

    /** The recipients in the disclosure ledger, by key, with the newest label and how many members went to each. */
    public List<RecipientChoice> recipients(long actorId) {
        requireOfficer(actorId);
        return em.createQuery("SELECT e.recipientKey, MAX(e.recipientLabel), COUNT(DISTINCT e.memberId) FROM LedgerEntry e"
                        + " GROUP BY e.recipientKey ORDER BY e.recipientKey", Object[].class)
                .getResultStream()
                .map(row -> new RecipientChoice((String) row[0], (String) row[1], ((Number) row[2]).longValue()))
                .toList();
    }

    /**
     * Records a breach; nothing is sent yet.
     *
     * @throws InvalidInputException with a message per field when the report is incomplete
     */
    public BreachNotice record(long actorId, BreachReport report) {
        requireOfficer(actorId);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, String> problems = new LinkedHashMap<>();
        required(problems, "title", report.title(), BreachNotice.TITLE_LENGTH);
        required(problems, "whatHappened", report.whatHappened(), BreachNotice.TEXT_LENGTH);
        required(problems, "dataConcerned", report.dataConcerned(), BreachNotice.DATA_LENGTH);
        required(problems, "measures", report.measures(), BreachNotice.TEXT_LENGTH);
        required(problems, "memberAdvice", report.memberAdvice(), BreachNotice.TEXT_LENGTH);
        required(problems, "contact", report.contact(), BreachNotice.CONTACT_LENGTH);
        if (report.discoveredOn() == null) {
            problems.put("discoveredOn", Texts.get("breach.discoveredOn.required"));
        } else if (report.discoveredOn().isAfter(today)) {
            problems.put("discoveredOn", Texts.get("breach.date.future"));
        }
        if (report.occurredOn() != null && report.occurredOn().isAfter(today)) {
            problems.put("occurredOn", Texts.get("breach.date.future"));
        } else if (report.occurredOn() != null && report.discoveredOn() != null && report.occurredOn().isAfter(report.discoveredOn())) {
            problems.put("occurredOn", Texts.get("breach.occurredOn.afterDiscovery"));
        }
        if (report.bannerUntil() == null) {
            problems.put("bannerUntil", Texts.get("breach.bannerUntil.required"));
        } else if (report.bannerUntil().isBefore(today) || report.bannerUntil().isAfter(today.plusDays(MAX_BANNER_DAYS))) {
            problems.put("bannerUntil", Texts.get("breach.bannerUntil.range", MAX_BANNER_DAYS));
        }
        String label = null;
        if (report.scope() == null) {
            problems.put("scope", Texts.get("breach.scope.required"));
        } else if (report.scope() == BreachScope.RECIPIENT) {
            label = report.recipientKey() == null ? null : recipients(actorId).stream()
                    .filter(r -> r.key().equals(report.recipientKey())).map(RecipientChoice::label).findFirst().orElse(null);
            if (label == null) {
                problems.put("recipient", Texts.get("breach.recipient.required"));
            }
        } else if (report.scope().hasTarget()) {
            label = report.targetId() == null ? null : scopes.label(report.scope(), report.targetId()).orElse(null);
            if (label == null) {
                String field = targetField(report.scope());
                problems.put(field, Texts.get("breach." + field + ".required"));
            }
        } else if (report.scope() == BreachScope.JOINED_BETWEEN) {
            if (report.joinedFrom() == null) {
                problems.put("joinedFrom", Texts.get("breach.joinedFrom.required"));
            }
            if (report.joinedTo() == null) {
                problems.put("joinedTo", Texts.get("breach.joinedTo.required"));
            } else if (report.joinedTo().isAfter(today)) {
                problems.put("joinedTo", Texts.get("breach.date.future"));
            } else if (report.joinedFrom() != null && report.joinedFrom().isAfter(report.joinedTo())) {
                problems.put("joinedTo", Texts.get("breach.joinedTo.beforeFrom"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return recordChecked(actorId, report, label, OffsetDateTime.now(ZoneOffset.UTC));
    }

    private BreachNotice recordChecked(long actorId, BreachReport report, String label, OffsetDateTime recordedAt) {
        // The banner shows through the last day chosen, to its end in UTC.
        OffsetDateTime bannerUntil = report.bannerUntil().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        BreachNotice breach = new BreachNotice(report, label, bannerUntil, actorId, recordedAt);
        em.persist(breach);
        em.flush();
        staffLog.record(actorId, actorId, StaffAction.Kind.RECORD_BREACH, "breach " + breach.id(), breach.title());
        return breach;
    }

    /** The categories, workgroups or webinars the officer may choose for a scope that names one. */
    public List<BreachScopes.ScopeChoice> scopeChoices(long actorId, BreachScope scope) {
        requireOfficer(actorId);
        return scopes.choices(scope);
    }

    /** The form field that names a scope's target: {@code category}, {@code workgroup} or {@code webinar}. */
    static String targetField(BreachScope scope) {
        return switch (scope) {
            case FORUM_CATEGORY -> "category";
            case WORKGROUP -> "workgroup";
            case WEBINAR -> "webinar";
            default -> throw new IllegalArgumentException(scope + " names no target");
        };
    }

    /** The affected members, how many, a few usernames, and the notice as the first of them will read it. */
    public BreachPreview preview(long actorId, long breachId) {
        requireOfficer(actorId);
        BreachNotice breach = get(breachId);
        SortedMap<Long, Set<String>> affected = affected(breach);
        List<Long> some = affected.keySet().stream().limit(SAMPLE_USERNAMES).toList();
        Map<Long, String> usernames = directory.usernames(some);
        List<String> names = some.stream().map(usernames::get).filter(n -> n != null).toList();
        String body;
        if (affected.isEmpty()) {
            body = texts.body(breach, Texts.get("breach.mail.sampleName"), Set.of());
        } else {
            long first = affected.firstKey();
            String name = addresses.contacts(List.of(first)).values().stream().map(MemberAddresses.Address::name).findFirst()
                    .orElse(Texts.get("breach.mail.sampleName"));
            body = texts.body(breach, name, affected.get(first));
        }
        return new BreachPreview(affected.size(), names, texts.subject(breach), body);
    }

    /**
     * Mails the notice to every affected member not yet sent it, {@value #BATCH} members per
     * transaction, then marks the breach sent with its counts and writes the staff log. Runs outside
     * any transaction of the caller's.
     *
     * @return the breach as sent
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public BreachNotice send(long actorId, long breachId) {
        requireOfficer(actorId);
        BreachNotice breach = get(breachId);
        if (breach.isSent()) {
            throw new BreachRefusedException(Texts.get("breach.refused.alreadySent"));
        }
        SortedMap<Long, Set<String>> affected = affected(breach);
        List<Long> ids = new ArrayList<>(affected.keySet());
        for (int from = 0; from < ids.size(); from += BATCH) {
            SortedMap<Long, Set<String>> batch = new TreeMap<>();
            for (Long id : ids.subList(from, Math.min(ids.size(), from + BATCH))) {
                batch.put(id, affected.get(id));
            }
            batches.send(breachId, batch);
        }
        BreachNotice sent = batches.finish(breachId, actorId);
        sentEvent.fire(new BreachNoticeSent(breachId));
        return sent;
    }

    /** The breaches recorded, newest first (at most 200). */
    public List<BreachNotice> list(long actorId) {
        requireOfficer(actorId);
        return em.createNamedQuery("BreachNotice.newest", BreachNotice.class).setMaxResults(200).getResultList();
    }

    /** The per-member record of one breach's sending, by member id. */
    public List<BreachSend> sends(long actorId, long breachId) {
        requireOfficer(actorId);
        return em.createQuery("SELECT s FROM BreachSend s WHERE s.breachId = :b ORDER BY s.memberId", BreachSend.class)
                .setParameter("b", breachId).getResultList();
    }

    /** A sent breach's public notice, for anyone; empty when there is none or it was not sent yet. */
    public java.util.Optional<BreachNotice> publicNotice(long breachId) {
        return java.util.Optional.ofNullable(em.find(BreachNotice.class, breachId)).filter(BreachNotice::isSent);
    }

    /** The notices whose banner shows at this moment, newest first. */
    public List<BreachNotice> bannersAt(OffsetDateTime at) {
        return em.createNamedQuery("BreachNotice.bannersAt", BreachNotice.class).setParameter("at", at).getResultList();
    }

    /**
     * Demo content: a past breach of every member, recorded and sent by this officer at the given
     * time, with its per-member record, in the caller's transaction. No mail is queued and no staff
     * log entry written: both belong to the time it was sent, not to the seeding.
     */
    public BreachNotice recordPastForDemo(long officerId, BreachReport report, OffsetDateTime sentAt) {
        requireOfficer(officerId);
        BreachNotice breach = new BreachNotice(report, null, report.bannerUntil().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC),
                officerId, sentAt.minusHours(3));
        em.persist(breach);
        em.flush();
        SortedMap<Long, Set<String>> affected = affected(breach);
        Map<Long, MemberAddresses.Address> reachable = addresses.verifiedOf(affected.keySet());
        for (Long member : affected.keySet()) {
            em.persist(new BreachSend(breach.id(), member, sentAt, reachable.containsKey(member)));
        }
        breach.markSent(officerId, sentAt, affected.size(), reachable.size());
        return breach;
    }

    // ------------------------------------------------------------------ helpers

    /** Affected member ids in ascending order, each with the fields of theirs that went to the recipient (empty for all members). */
    SortedMap<Long, Set<String>> affected(BreachNotice breach) {
        SortedMap<Long, Set<String>> affected = new TreeMap<>();
        if (breach.scope() == BreachScope.RECIPIENT) {
            em.createQuery("SELECT e.memberId, e.fields FROM LedgerEntry e WHERE e.recipientKey = :key", Object[].class)
                    .setParameter("key", breach.recipientKey())
                    .getResultStream()
                    .forEach(row -> affected.computeIfAbsent((Long) row[0], k -> new TreeSet<>())
                            .addAll(List.of(((String) row[1]).split(","))));
        } else if (breach.scope() != BreachScope.ALL_MEMBERS) {
            scopes.members(breach.scope(), breach.scopeTargetId(), breach.joinedFrom(), breach.joinedTo())
                    .forEach(id -> affected.put(id, Set.of()));
        } else {
            long after = 0;
            List<MemberAddresses.Address> page;
            do {
                page = addresses.verified(after, MemberAddresses.MAX_PAGE);
                for (MemberAddresses.Address address : page) {
                    affected.put(address.memberId(), Set.of());
                    after = address.memberId();
                }
            } while (page.size() == MemberAddresses.MAX_PAGE);
        }
        return affected;
    }

    private BreachNotice get(long breachId) {
        BreachNotice breach = em.find(BreachNotice.class, breachId);
        if (breach == null) {
            throw new BreachRefusedException(Texts.get("breach.refused.noSuchBreach"));
        }
        return breach;
    }

    private void requireOfficer(long actorId) {
        if (!directory.isPrivacyOfficer(actorId)) {
            throw new BreachRefusedException(Texts.get("breach.refused.notOfficer"));
        }
    }

    private static void required(Map<String, String> problems, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.put(field, Texts.get("breach." + field + ".required"));
        } else if (value.strip().length() > max) {
            problems.put(field, Texts.get("breach.tooLong", max));
        }
    }
}
