package org.colloquy.privacy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.colloquy.platform.i18n.Dates;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.security.Caller;

/**
 * The only way any context discloses a member's personal data to a third party or to the public.
 * A disclosure names the recipient, the fields, the purpose and, per member, the basis; the service
 * checks every basis at that moment and writes one append-only {@link LedgerEntry} per member, or
 * refuses the whole disclosure with {@link DisclosureRefusedException} and writes nothing.
 *
 * <h2>Usage</h2>
 * <pre>
 * &#64;Stateless
 * public class AttendeeListService {
 *     &#64;Inject DisclosureService disclosures;
 *
 *     public AttendeeList export(Sponsor sponsor, Event event) {
 *         Map&lt;Long, Basis&gt; bases = ...;  // each attendee's live consent for "sponsor:" + sponsor.id()
 *         disclosures.disclose(new Disclosure(recipient, Set.of("name", "email"), "Attendee list of " + event.title(), bases));
 *         return ...;               // built in the same transaction: both commit or neither
 *     }
 * }
 * </pre>
 *
 * <h2>Transactions</h2>
 * {@link #disclose} is {@code MANDATORY}: it only runs inside the caller's transaction, so the
 * ledger entries commit or roll back with the caller's own part of the disclosure (a list sent
 * through the mail outbox, a document published). A call from outside a transaction fails at once
 * rather than writing a ledger for a disclosure that might not happen.
 *
 * <h2>Against a concurrent withdrawal</h2>
 * A consent basis is read with a {@code PESSIMISTIC_WRITE} lock on the consent row, the same lock
 * {@link ConsentService#withdraw} takes; its withdrawal is then read by a query after the lock is
 * held. A withdrawal committed before the lock is thus seen, and one that comes later waits for the
 * disclosure to commit, so a disclosure is always either before or after a withdrawal, never across it.
 * Consent rows are locked in ascending id order, so two disclosures cannot deadlock each other.
 */
@Stateless
public class DisclosureService {

    /** Consent purposes that allow sharing with their subject; others (policy acceptance, marketing) never do. */
    static final Set<ConsentPurpose> SHARING_PURPOSES = EnumSet.of(ConsentPurpose.SPONSOR_SHARING, ConsentPurpose.TESTIMONIAL_NAME);

    static final int MAX_PAGE_SIZE = 100;

    /** Consent rows locked (and their withdrawals read) per statement; well under any driver's parameter limit. */
    static final int LOCK_CHUNK = 1000;

    private final LedgerInserts ledgerWriter = new LedgerInserts();

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Caller caller;

    @Inject
    private Dates dates;

    /**
     * Checks every member's basis now and records one ledger entry per member, in the caller's
     * transaction.
     *
     * @return the entries written, in the order of the disclosure's members
     * @throws DisclosureRefusedException when any basis is not live; nothing is written and the
     *                                    caller's transaction is rolled back
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public List<LedgerEntry> disclose(Disclosure disclosure) {
        Objects.requireNonNull(disclosure, "disclosure");
        Map<Long, RefusalReason> refused = new LinkedHashMap<>();
        Map<Long, Long> consentOf = new HashMap<>();
        disclosure.basisByMember().forEach((member, basis) -> {
            if (basis instanceof Basis.Consented consented) {
                consentOf.put(member, consented.consentId());
            } else {
                PolicyClause clause = ((Basis.Clause) basis).clause();
                RefusalReason reason = check(clause, disclosure);
                if (reason != null) {
                    refused.put(member, reason);
                }
            }
        });
        List<Long> consentIds = new ArrayList<>(new TreeSet<>(consentOf.values()));
        Map<Long, LockedConsent> locked = new HashMap<>();
        Set<Long> withdrawn = new HashSet<>();
        // Chunks in ascending order: the rows are still locked in ascending id order overall. Only
        // the terms the check needs are read (no entity, no notice text, nothing for the commit to
        // compare): a consent's terms never change, only a withdrawal is added beside it.
        for (int from = 0; from < consentIds.size(); from += LOCK_CHUNK) {
            List<Long> chunk = consentIds.subList(from, Math.min(consentIds.size(), from + LOCK_CHUNK));
            em.createNamedQuery("Consent.lockTermsByIds", Object[].class).setParameter("ids", chunk)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .getResultList()
                    .forEach(row -> locked.put((Long) row[0], LockedConsent.of(row)));
            // Read after the row locks are held, so a withdrawal committed before them is seen.
            withdrawn.addAll(em.createNamedQuery("ConsentWithdrawal.withdrawnOf", Long.class)
                    .setParameter("ids", chunk).getResultList());
        }
        consentOf.forEach((member, consentId) -> {
            RefusalReason reason = check(locked.get(consentId), withdrawn.contains(consentId), member, disclosure);
            if (reason != null) {
                refused.put(member, reason);
            }
        });
        if (!refused.isEmpty()) {
            Map<Long, RefusalReason> ordered = new LinkedHashMap<>();
            disclosure.members().stream().filter(refused::containsKey).forEach(m -> ordered.put(m, refused.get(m)));
            throw new DisclosureRefusedException(disclosure.recipient(), ordered);
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<LedgerEntry> written = new ArrayList<>();
        disclosure.basisByMember().forEach((member, basis) -> written.add(new LedgerEntry(member, disclosure, basis, now)));
        if (written.size() == 1) {
            em.persist(written.get(0));
            em.flush();
        } else {
            ledgerWriter.insert(em, written);
        }
        return written;
    }

    /**
     * Starts a lasting disclosure of one member's data (a testimonial shown with a name): checks
     * the basis and writes the entry as {@link #disclose} does, and returns the entry's id, which
     * the caller keeps to {@link #end} the disclosure when the showing stops (decision 0024).
     *
     * @throws DisclosureRefusedException as {@link #disclose}
     * @throws IllegalArgumentException   when the disclosure names more than one member
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public long discloseLasting(Disclosure disclosure) {
        if (disclosure.members().size() != 1) {
            throw new IllegalArgumentException("A lasting disclosure is of one member's data");
        }
        return disclose(disclosure).get(0).id();
    }

    /**
     * Records that a lasting disclosure has ended: a testimonial shown with a name on public pages is
     * one disclosure from when publication with the name starts until it stops, not one per page
     * view (decision 0024). The end is a second, insert-only entry with the same recipient, fields
     * and basis, naming the entry it ends, so the member's ledger shows both. No basis is checked:
     * stopping a disclosure needs none. Ending an entry already ended returns the earlier end.
     *
     * @param startedEntryId the entry {@link #discloseLasting} returned when the showing started
     * @return the id of the entry that records the end
     * @throws IllegalArgumentException when there is no such entry, or it is itself an end
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public long end(long startedEntryId) {
        LedgerEntry started = em.find(LedgerEntry.class, startedEntryId);
        if (started == null || started.endsEntryId() != null) {
            throw new IllegalArgumentException("No lasting disclosure with ledger entry " + startedEntryId);
        }
        List<LedgerEntry> ended = em.createNamedQuery("LedgerEntry.endOf", LedgerEntry.class)
                .setParameter("entry", startedEntryId).getResultList();
        if (!ended.isEmpty()) {
            return ended.get(0).id();
        }
        LedgerEntry end = new LedgerEntry(started, OffsetDateTime.now(ZoneOffset.UTC));
        em.persist(end);
        em.flush();
        return end.id();
    }

    /**
     * Of these members, those who have a live consent to share these fields with this recipient,
     * each with that consent as the basis to pass to {@link #disclose}. A convenience for building
     * a disclosure; {@code disclose} checks again, under lock.
     */
    public Map<Long, Basis> consentedBases(Recipient recipient, Set<String> fields, Collection<Long> memberIds) {
        Map<Long, Basis> bases = new LinkedHashMap<>();
        if (memberIds.isEmpty()) {
            return bases;
        }
        List<Consent> candidates = em.createNamedQuery("Consent.liveForSubject", Consent.class)
                .setParameter("subject", recipient.key())
                .setParameter("members", memberIds)
                .getResultList();
        for (Consent consent : candidates) {
            if (SHARING_PURPOSES.contains(consent.purpose()) && consent.fields().containsAll(fields)) {
                bases.putIfAbsent(consent.memberId(), Basis.consent(consent.id()));
            }
        }
        return bases;
    }

    /**
     * A member's live sharing consent with a recipient, as {@link #liveConsents} reads it.
     *
     * @param basis   the consent as the basis to pass to {@link #disclose}
     * @param fields  the fields it allows
     * @param givenAt when the member gave it
     */
    public record LiveConsent(Basis basis, Set<String> fields, OffsetDateTime givenAt) {
    }

    /**
     * Of these members, those who have a live sharing consent with this recipient, each with that
     * consent (the newest, if there were ever two) and the fields it allows: one statement, however
     * many members, reading no consent entity (so no withdrawal relation is loaded per consent).
     * A convenience for building disclosures of different fields per member; {@link #disclose}
     * checks every consent again, under lock.
     */
    public Map<Long, LiveConsent> liveConsents(Recipient recipient, Collection<Long> memberIds) {
        Map<Long, LiveConsent> live = new LinkedHashMap<>();
        if (memberIds.isEmpty()) {
            return live;
        }
        List<Object[]> rows = em.createNamedQuery("Consent.liveSharingForSubject", Object[].class)
                .setParameter("subject", recipient.key())
                .setParameter("members", List.copyOf(memberIds))
                .setParameter("purposes", SHARING_PURPOSES.stream().map(Enum::name).toList())
                .getResultList();
        for (Object[] row : rows) {
            String fields = (String) row[2];
            live.putIfAbsent((Long) row[1], new LiveConsent(Basis.consent((Long) row[0]),
                    fields == null ? Set.of() : Set.of(fields.split(",")), (OffsetDateTime) row[3]));
        }
        return live;
    }

    /**
     * A member's ledger, newest first.
     *
     * @param page 0 for the newest entries
     * @param size entries per page, 1 to 100
     */
    public LedgerPage forMember(long memberId, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("A ledger page has an index from 0 and 1 to " + MAX_PAGE_SIZE + " entries");
        }
        long total = em.createNamedQuery("LedgerEntry.countOfMember", Long.class).setParameter("member", memberId)
                .getSingleResult();
        List<LedgerEntry> entries = em.createNamedQuery("LedgerEntry.ofMember", LedgerEntry.class)
                .setParameter("member", memberId)
                .setFirstResult(Math.toIntExact(Math.min((long) page * size, Integer.MAX_VALUE)))
                .setMaxResults(size)
                .getResultList();
        return new LedgerPage(views(entries), page, size, total);
    }

    /** The signed-in member's own ledger, newest first. */
    public LedgerPage ledgerOfCaller(int page, int size) {
        return forMember(caller.requireMemberId(), page, size);
    }

    /** Everyone whose data went to this recipient, newest first: what a breach notice needs. */
    @RolesAllowed({"ADMIN", "PRIVACY_OFFICER"})
    public List<LedgerEntryView> forRecipient(String recipientKey) {
        Objects.requireNonNull(recipientKey, "recipientKey");
        return views(em.createNamedQuery("LedgerEntry.toRecipient", LedgerEntry.class)
                .setParameter("recipient", recipientKey).getResultList());
    }

    // ------------------------------------------------------------------ checks

    private static RefusalReason check(PolicyClause clause, Disclosure disclosure) {
        if (!clause.coversRecipient(disclosure.recipient().kind())) {
            return RefusalReason.CLAUSE_NOT_FOR_RECIPIENT;
        }
        if (!clause.covers(disclosure.recipient().kind(), disclosure.fields())) {
            return RefusalReason.CLAUSE_NOT_FOR_FIELDS;
        }
        return null;
    }

    /*
     * The disclosure's purpose is the recipient's use as the member reads it in the ledger; what the
     * member agreed to is bound by the consent's own purpose (a sharing purpose), its subject (the
     * recipient) and its fields, all of which the notice they saw named.
     */
    /** The terms of a consent as {@link #disclose} reads them under its row lock. */
    private record LockedConsent(long memberId, ConsentPurpose purpose, String subjectKey, Set<String> fields) {

        /** From a row of {@code Consent.lockTermsByIds}: id, member, purpose, subject, fields. */
        static LockedConsent of(Object[] row) {
            String fields = (String) row[4];
            return new LockedConsent((Long) row[1], ConsentPurpose.valueOf((String) row[2]), (String) row[3],
                    fields == null ? Set.of() : Set.copyOf(Arrays.asList(fields.split(","))));
        }
    }

    private static RefusalReason check(LockedConsent consent, boolean withdrawn, long memberId, Disclosure disclosure) {
        if (consent == null) {
            return RefusalReason.NO_SUCH_CONSENT;
        }
        if (consent.memberId() != memberId) {
            return RefusalReason.NOT_THE_MEMBERS_CONSENT;
        }
        if (withdrawn) {
            return RefusalReason.WITHDRAWN;
        }
        if (!SHARING_PURPOSES.contains(consent.purpose())) {
            return RefusalReason.NOT_A_SHARING_CONSENT;
        }
        if (!disclosure.recipient().key().equals(consent.subjectKey())) {
            return RefusalReason.OTHER_RECIPIENT;
        }
        if (!consent.fields().containsAll(disclosure.fields())) {
            return RefusalReason.FIELDS_NOT_COVERED;
        }
        return null;
    }


    // ------------------------------------------------------------------ views

    private List<LedgerEntryView> views(List<LedgerEntry> entries) {
        Set<Long> consentIds = new TreeSet<>();
        entries.stream().map(LedgerEntry::consentId).filter(Objects::nonNull).forEach(consentIds::add);
        Map<Long, Consent> consents = new HashMap<>();
        if (!consentIds.isEmpty()) {
            em.createNamedQuery("Consent.byIds", Consent.class).setParameter("ids", consentIds).getResultList()
                    .forEach(c -> consents.put(c.id(), c));
        }
        List<LedgerEntryView> views = new ArrayList<>(entries.size());
        for (LedgerEntry e : entries) {
            views.add(new LedgerEntryView(e.id(), e.memberId(), e.recipientKind(), e.recipientKey(), e.recipientLabel(),
                    e.fields(), e.purpose(), describe(e, consents.get(e.consentId())), e.consentId(), e.clause(),
                    e.disclosedAt(), e.endsEntryId()));
        }
        return views;
    }

    private String describe(LedgerEntry entry, Consent consent) {
        if (entry.consentId() == null) {
            return Texts.get("ledger.basis.clause", Texts.get(entry.clause().labelKey()));
        }
        return consent == null
                ? Texts.get("ledger.basis.consentGone", entry.consentId())
                : Texts.get("ledger.basis.consent", entry.consentId(), consent.givenVia(), dates.date(consent.givenAt()));
    }
}
