package org.colloquy.removal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** P-REMOVE-1: a request's due date, urgency in the queue, and the one appeal, without a container. */
class RemovalRequestTest {

    private static final OffsetDateTime RECEIVED = OffsetDateTime.of(2026, 3, 1, 9, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void aRequestIsDue30DaysAfterReceiptAndNearsItsEndInTheLastWeek_P_REMOVE_1() {
        RemovalRequest request = new RemovalRequest(1, RemovalRequest.ItemKind.FORUM_POST, 2, RemovalRequest.Wanted.REMOVE_ITEM, null, RECEIVED);
        assertEquals(RECEIVED.plusDays(30), request.dueAt());
        assertEquals(RemovalRequest.Urgency.NORMAL, request.urgency(RECEIVED.plusDays(22)));
        assertEquals(RemovalRequest.Urgency.SOON, request.urgency(RECEIVED.plusDays(23)));
        assertEquals(RemovalRequest.Urgency.SOON, request.urgency(RECEIVED.plusDays(30)));
        assertEquals(RemovalRequest.Urgency.OVERDUE, request.urgency(RECEIVED.plusDays(30).plusMinutes(1)));
    }

    @Test
    void aRefusalMayBeAppealedOnceWithAFreshDueDateAndThenIsNoLongerUrgent_P_REMOVE_1() {
        RemovalRequest request = new RemovalRequest(1, RemovalRequest.ItemKind.FORUM_POST, 2, RemovalRequest.Wanted.REDACT, "why", RECEIVED);
        request.decide(7, RemovalRequest.Outcome.REFUSED, RemovalRequest.RefusalReason.LEGAL_HOLD, "held", RECEIVED.plusDays(40));
        assertFalse(request.isOpen());
        assertTrue(request.isAppealable());
        assertEquals(RemovalRequest.Urgency.NORMAL, request.urgency(RECEIVED.plusDays(40)), "decided requests are never urgent");

        request.appeal("please", RECEIVED.plusDays(41));
        assertTrue(request.isOpen());
        assertFalse(request.isAppealable());
        assertEquals(RECEIVED.plusDays(71), request.dueAt());
        assertEquals(RemovalRequest.Status.APPEALED, request.status());

        request.decideAppeal(8, RemovalRequest.Outcome.REFUSED, null, "still held", RECEIVED.plusDays(50));
        assertEquals(RemovalRequest.Status.REFUSED, request.status());
        assertEquals(RemovalRequest.RefusalReason.LEGAL_HOLD, request.refusalCategory(), "the first reason stands unless replaced");
        assertFalse(request.isAppealable(), "one appeal only");
        assertEquals(RemovalRequest.Outcome.REFUSED, request.finalOutcome());
    }
}
