package org.colloquy.removal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.logging.Logger;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * The daily escalation of removal requests near or past their due date (P-REMOVE-1): every morning
 * each node asks {@link RemovalDesk#escalate}, whose conditional updates make sure a request is
 * mailed to the privacy officers once a day per stage, not once per node.
 */
@Stateless
public class RemovalEscalation {

    private static final Logger LOG = Logger.getLogger(RemovalEscalation.class.getName());

    @Inject
    private RemovalDesk desk;

    @Schedule(hour = "6", minute = "0", persistent = false)
    void daily() {
        int escalated = desk.escalate(OffsetDateTime.now(ZoneOffset.UTC)).size();
        if (escalated > 0) {
            LOG.info(() -> escalated + " removal requests escalated to the privacy officers");
        }
    }
}
