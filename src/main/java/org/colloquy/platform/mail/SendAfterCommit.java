package org.colloquy.platform.mail;

import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Tries to send a new mail as soon as the transaction that queued it has committed, on a managed
 * thread, so that a member who asked for a link does not wait for the next poll and the request
 * that queued it does not wait for SMTP. Best effort: if this attempt fails or never runs, the mail
 * is still in the outbox and {@link OutboxSender}'s poll sends it.
 */
@ApplicationScoped
public class SendAfterCommit {

    private static final Logger LOG = Logger.getLogger(SendAfterCommit.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    OutboxSender sender;

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailQueued queued) {
        try {
            executor.execute(() -> sender.attemptNow(queued.mailId()));
        } catch (RejectedExecutionException e) {
            LOG.log(Level.FINE, "Immediate send of mail " + queued.mailId() + " not started; the poll will send it", e);
        }
    }
}
