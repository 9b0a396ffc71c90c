package org.colloquy.platform.mail;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends what is in the outbox: every {@code colloquy.mail.poll-seconds} (default 10) all due mails,
 * and on request one mail at once (see {@link SendAfterCommit}). Each attempt first claims its mail
 * with a conditional update in a short transaction of its own ({@link OutboxRepository#claim}), so
 * two threads or two nodes never send the same mail; then sends it outside any transaction; then
 * records the outcome: sent, or failed with the error and a later retry by {@link RetryBackoff}.
 * Between claim and send it asks the recipient's {@link MailPreferences} again, so an opt-out made
 * after a mail was queued stops it (P-MARKETING-1): such a mail is recorded as suppressed.
 * A mail whose sender died mid-attempt is due again when its claim runs out. Nothing is deleted.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class.getName());

    /** The most mails one poll sends; the rest wait for the next poll, so a backlog cannot hog a thread. */
    static final int BATCH = 100;

    /** How an attempt on one mail ended. */
    public enum Outcome {
        /** The transport accepted the mail; it is marked sent. */
        SENT,
        /** The transport failed; the error and the next attempt are recorded. */
        FAILED,
        /** The recipient's preferences refuse it now; it is recorded as suppressed and never sent. */
        SUPPRESSED,
        /** Another worker holds the mail, or it is sent, suppressed or not yet due: nothing was done. */
        NOT_CLAIMED
    }

    @Inject
    @ConfigProperty(name = "colloquy.mail.poll-seconds", defaultValue = "10")
    long pollSeconds;

    @Inject
    OutboxRepository repository;

    @Inject
    MailTransports transports;

    @Inject
    PreferenceCheck preferences;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> poll;

    @PostConstruct
    void startPolling() {
        transports.configured();
        long seconds = Math.max(1, pollSeconds);
        // Fixed delay, not fixed rate: a slow SMTP server delays the next poll instead of stacking polls.
        poll = scheduler.scheduleWithFixedDelay(this::pollOnce, seconds, seconds, TimeUnit.SECONDS);
        LOG.info(() -> "Mail outbox polled every " + seconds + " s");
    }

    @PreDestroy
    void stopPolling() {
        if (poll != null) {
            poll.cancel(false);
        }
    }

    private void pollOnce() {
        try {
            sendDue(transports.configured(), Clock.systemUTC());
        } catch (RuntimeException e) {
            // An exception would end the schedule; log it and poll again next time.
            LOG.log(Level.WARNING, "Polling the mail outbox failed; trying again in " + pollSeconds + " s", e);
        }
    }

    /**
     * Attempts every mail due by {@code clock}, up to {@link #BATCH}, through {@code transport}.
     *
     * @return how many of them were sent by this call
     */
    public int sendDue(MailTransport transport, Clock clock) {
        List<Long> due = repository.findDueIds(OffsetDateTime.now(clock), BATCH);
        int sent = 0;
        for (long id : due) {
            if (attempt(id, transport, clock) == Outcome.SENT) {
                sent++;
            }
        }
        return sent;
    }

    /** Attempts one mail now through the configured transport, if it is due and nobody holds it. */
    public Outcome attemptNow(long id) {
        try {
            return attempt(id, transports.configured(), Clock.systemUTC());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sending mail " + id + " failed before its outcome was recorded; the poll retries it "
                    + "when the claim runs out", e);
            return Outcome.FAILED;
        }
    }

    /**
     * One attempt at one mail: claim, send outside any transaction, record the outcome. The clock
     * decides what "now" is for the claim, the sent time and the back-off.
     */
    public Outcome attempt(long id, MailTransport transport, Clock clock) {
        if (!repository.claim(id, OffsetDateTime.now(clock))) {
            return Outcome.NOT_CLAIMED;
        }
        OutboxMail mail = repository.findForSending(id).orElseThrow(() -> new IllegalStateException("Claimed mail " + id + " vanished"));
        // Checked again now, not only when queued: the member may have opted out meanwhile.
        Optional<String> refusal = preferences.suppression(mail.category(), mail.notificationKind().orElse(null), mail.recipient());
        if (refusal.isPresent()) {
            repository.markSuppressed(id, OffsetDateTime.now(clock), refusal.get());
            LOG.fine(() -> "Not sending " + mail + ": " + refusal.get());
            return Outcome.SUPPRESSED;
        }
        try {
            transport.send(mail);
        } catch (Exception e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            repository.recordFailure(id, OffsetDateTime.now(clock), error);
            LOG.log(Level.WARNING, () -> "Could not send " + mail + " through " + transport.describe() + ": " + error
                    + "; attempt " + (mail.attempts() + 1) + " failed, the next follows by back-off");
            return Outcome.FAILED;
        }
        repository.markSent(id, OffsetDateTime.now(clock));
        LOG.fine(() -> "Sent " + mail);
        return Outcome.SENT;
    }
}
