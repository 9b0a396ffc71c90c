package org.colloquy.privacy.breach;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.colloquy.account.MemberAddresses;
import org.colloquy.account.StaffAction;
import org.colloquy.account.StaffLog;
import org.colloquy.platform.mail.MailCategory;
import org.colloquy.platform.mail.MailOutbox;

/**
 * One short transaction per batch of a breach notice's sending, for {@link BreachDesk#send} only.
 * The notice is an {@link MailCategory#ACCOUNT} mail: a legal duty that no email preference can
 * suppress (P-MARKETING-1 keeps security notices arriving). The send row and the queued mail commit
 * together, and a member who already has a row is skipped, so nobody is mailed twice.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class BreachBatches {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private MemberAddresses addresses;

    @Inject
    private MailOutbox outbox;

    @Inject
    private BreachTexts texts;

    @Inject
    private StaffLog staffLog;

    /** Mails these affected members (ids with their fields that went to the recipient) and records each. */
    public void send(long breachId, SortedMap<Long, Set<String>> members) {
        // The breach row's lock orders two officers sending at once: the second waits, then skips whom the first sent.
        BreachNotice breach = em.find(BreachNotice.class, breachId, LockModeType.PESSIMISTIC_WRITE);
        Set<Long> done = new HashSet<>(em.createQuery("SELECT s.memberId FROM BreachSend s WHERE s.breachId = :b AND s.memberId IN :ids",
                        Long.class).setParameter("b", breachId).setParameter("ids", List.copyOf(members.keySet())).getResultList());
        Map<Long, MemberAddresses.Address> reachable = addresses.verifiedOf(members.keySet());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String subject = texts.subject(breach);
        for (Map.Entry<Long, Set<String>> member : members.entrySet()) {
            if (done.contains(member.getKey())) {
                continue;
            }
            MemberAddresses.Address address = reachable.get(member.getKey());
            if (address != null) {
                outbox.enqueue(MailCategory.ACCOUNT, address.email(), subject, texts.body(breach, address.name(), member.getValue()));
            }
            em.persist(new BreachSend(breachId, member.getKey(), now, address != null));
        }
    }

    /** Marks the breach sent with the counts its send rows show, and writes the staff log. */
    public BreachNotice finish(long breachId, long actorId) {
        BreachNotice breach = em.find(BreachNotice.class, breachId, LockModeType.PESSIMISTIC_WRITE);
        if (breach.isSent()) {
            return breach;
        }
        int affected = em.createQuery("SELECT COUNT(s) FROM BreachSend s WHERE s.breachId = :b", Long.class)
                .setParameter("b", breachId).getSingleResult().intValue();
        int mailed = em.createQuery("SELECT COUNT(s) FROM BreachSend s WHERE s.breachId = :b AND s.mailed = TRUE", Long.class)
                .setParameter("b", breachId).getSingleResult().intValue();
        breach.markSent(actorId, OffsetDateTime.now(ZoneOffset.UTC), affected, mailed);
        staffLog.record(actorId, actorId, StaffAction.Kind.SEND_BREACH_NOTICE, "breach " + breachId,
                affected + " affected, " + mailed + " mailed: " + breach.title());
        return breach;
    }
}
