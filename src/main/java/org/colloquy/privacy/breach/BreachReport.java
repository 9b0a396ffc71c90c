package org.colloquy.privacy.breach;

import java.time.LocalDate;

/**
 * What the privacy officer's form sends to record a breach; checked by {@link BreachDesk#record}.
 *
 * @param recipientKey  the ledger's recipient key when the scope is {@link BreachScope#RECIPIENT}
 * @param bannerUntil   the last day the public notice shows on the site (inclusive, UTC)
 * @param targetId      the forum category, workgroup or webinar when the scope names one ({@link BreachScope#hasTarget})
 * @param joinedFrom    the first day of {@link BreachScope#JOINED_BETWEEN} (UTC)
 * @param joinedTo      the last day of {@link BreachScope#JOINED_BETWEEN}, inclusive
 */
public record BreachReport(String title, String whatHappened, LocalDate occurredOn, LocalDate discoveredOn,
                           String dataConcerned, String measures, String memberAdvice, String contact,
                           BreachScope scope, String recipientKey, LocalDate bannerUntil,
                           Long targetId, LocalDate joinedFrom, LocalDate joinedTo) {

    /** A report for every member or a recipient, the scopes that need no target. */
    public BreachReport(String title, String whatHappened, LocalDate occurredOn, LocalDate discoveredOn,
                        String dataConcerned, String measures, String memberAdvice, String contact,
                        BreachScope scope, String recipientKey, LocalDate bannerUntil) {
        this(title, whatHappened, occurredOn, discoveredOn, dataConcerned, measures, memberAdvice, contact, scope, recipientKey,
                bannerUntil, null, null, null);
    }
}
