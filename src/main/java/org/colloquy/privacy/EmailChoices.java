package org.colloquy.privacy;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.colloquy.platform.mail.NotificationKind;

/**
 * What a member chose about mail that is not an account notice (P-MARKETING-1).
 *
 * @param marketing whether a live marketing consent exists
 * @param optedOut  the notification kinds the member does not want
 */
public record EmailChoices(boolean marketing, Set<NotificationKind> optedOut) {

    public EmailChoices {
        optedOut = optedOut == null || optedOut.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(optedOut));
    }

    public boolean wants(NotificationKind kind) {
        return !optedOut.contains(kind);
    }
}
