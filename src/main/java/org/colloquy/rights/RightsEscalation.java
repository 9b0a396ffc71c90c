package org.colloquy.rights;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

/**
 * Runs {@link RightsDesk#escalate} every hour, so that no rights request nears or passes its due
 * date without every privacy officer being told (P-RIGHTS-1). Each node runs it; the desk claims
 * each escalation with a conditional UPDATE, so an escalation is mailed once.
 */
@Singleton
public class RightsEscalation {

    @Inject
    private RightsDesk desk;

    @Schedule(minute = "23", hour = "*", persistent = false)
    void hourly() {
        desk.escalate(OffsetDateTime.now(ZoneOffset.UTC));
    }
}
