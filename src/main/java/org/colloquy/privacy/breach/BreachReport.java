package org.colloquy.privacy.breach;

import java.time.LocalDate;

/**
 * What the privacy officer's form sends to record a breach; checked by {@link BreachDesk#record}.
 *
 * @param recipientKey  the ledger's recipient key when the scope is {@link BreachScope#RECIPIENT}
 * @param bannerUntil   the last day the public notice shows on the site (inclusive, UTC)
 */
public record BreachReport(String title, String whatHappened, LocalDate occurredOn, LocalDate discoveredOn,
                           String dataConcerned, String measures, String memberAdvice, String contact,
                           BreachScope scope, String recipientKey, LocalDate bannerUntil) {
}
