package org.colloquy.account;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.logging.Logger;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * Ends what {@link DeletionTerms} keeps for a stated time once that time has passed: for now the
 * usernames of deleted accounts, held for {@code colloquy.account.username-quarantine-days}. Runs
 * every hour on every node; the delete is idempotent, so two nodes at once do no harm.
 */
@Stateless
public class AccountRetention {

    private static final Logger LOG = Logger.getLogger(AccountRetention.class.getName());

    @Inject
    private MemberRepository members;

    @Schedule(minute = "7", hour = "*", persistent = false)
    void hourly() {
        purge(OffsetDateTime.now(ZoneOffset.UTC));
    }

    /**
     * Frees every username whose hold ended before {@code now}.
     *
     * @return how many usernames were freed
     */
    public int purge(OffsetDateTime now) {
        int freed = members.em().createNamedQuery("FormerUsername.release").setParameter("now", now).executeUpdate();
        if (freed > 0) {
            LOG.info(() -> "Retention: freed " + freed + " username(s) of deleted accounts whose quarantine ended");
        }
        return freed;
    }
}
