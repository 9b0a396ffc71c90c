package org.colloquy.account;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Logger;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.colloquy.platform.mail.MailOutbox;

/**
 * Ends what {@link DeletionTerms} keeps for a stated time once that time has passed: the usernames
 * of deleted accounts, held for {@code colloquy.account.username-quarantine-days}, and, after
 * {@link DeletionTerms#RECORDS_YEARS} years, the records kept for proof (consents and ledger entries
 * through {@link MemberRecordsExpired}, the staff log about the account, the last mail). Runs every
 * hour on every node; each step is idempotent, so two nodes at once do no harm.
 */
@Stateless
public class AccountRetention {

    private static final Logger LOG = Logger.getLogger(AccountRetention.class.getName());

    @Inject
    private MemberRepository members;

    @Inject
    private MailOutbox outbox;

    @Inject
    private Event<MemberRecordsExpired> expired;

    @Schedule(minute = "7", hour = "*", persistent = false)
    void hourly() {
        purge(OffsetDateTime.now(ZoneOffset.UTC));
    }

    /** What one run did. */
    public record Purged(int usernamesFreed, int accountsErased) {
    }

    /** Frees every username whose hold ended before {@code now}, and erases the records kept past their period. */
    public Purged purge(OffsetDateTime now) {
        int freed = members.em().createNamedQuery("FormerUsername.release").setParameter("now", now).executeUpdate();
        List<Member> due = members.em().createNamedQuery("Member.recordsDue", Member.class)
                .setParameter("cutoff", now.minusYears(DeletionTerms.RECORDS_YEARS)).getResultList();
        for (Member member : due) {
            expired.fire(new MemberRecordsExpired(member.id()));
            members.em().createQuery("DELETE FROM StaffAction a WHERE a.subjectId = :id").setParameter("id", member.id()).executeUpdate();
            if (member.lastMailId() != null) {
                outbox.erase(member.lastMailId());
            }
            member.recordsPurged(now);
        }
        if (freed > 0 || !due.isEmpty()) {
            LOG.info(() -> "Retention: freed " + freed + " username(s) of deleted accounts whose quarantine ended; erased the kept records of "
                    + due.size() + " account(s) deleted more than " + DeletionTerms.RECORDS_YEARS + " years ago");
        }
        return new Purged(freed, due.size());
    }
}
