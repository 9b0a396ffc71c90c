package org.colloquy.privacy;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.colloquy.platform.mail.MailCategory;
import org.colloquy.platform.mail.MailOutbox;

/**
 * Deployed only by tests: a feature that discloses the way a real one would, inside its own
 * transaction, with its own write beside the ledger (a list mailed to the recipient through the
 * outbox), and a way to fail after the disclosure.
 */
@Stateless
public class SponsorListSender {

    @Inject
    DisclosureService disclosures;

    @Inject
    ConsentService consents;

    @Inject
    MailOutbox outbox;

    /** Discloses in a transaction of its own, with nothing else. */
    public List<LedgerEntry> disclose(Disclosure disclosure) {
        return disclosures.disclose(disclosure);
    }

    /**
     * Mails the list to the recipient and discloses; with {@code failAfterwards}, fails once both
     * are done, as an export that breaks while being written would.
     */
    public void send(Disclosure disclosure, String to, String subject, boolean failAfterwards) {
        outbox.enqueue(MailCategory.ACCOUNT, to, subject, "Attendees: " + disclosure.members());
        disclosures.disclose(disclosure);
        if (failAfterwards) {
            throw new IllegalStateException("The export failed after the disclosure");
        }
    }

    /**
     * Withdraws a consent and keeps the transaction open, holding the consent row's lock, until
     * {@code release} opens; {@code withdrawn} opens once the withdrawal is written.
     */
    public void withdrawAndHold(long memberId, long consentId, CountDownLatch withdrawn, CountDownLatch release)
            throws InterruptedException {
        consents.withdraw(memberId, consentId, "Test: a withdrawal in flight");
        withdrawn.countDown();
        if (!release.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Nobody released the withdrawal");
        }
    }
}
