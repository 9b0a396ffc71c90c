package org.colloquy.event;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A webinar as the edit form holds it: local times in the webinar's own time zone.
 *
 * @param capacity             at most this many registrations, null for no limit
 * @param registrationDeadline null: registration is open until the start
 * @param sponsorIds           the sponsors, in the order shown
 */
public record WebinarDraft(String title, String description, LocalDateTime start, LocalDateTime end, String timeZone,
                           Integer capacity, LocalDateTime registrationDeadline, String joinLink, List<Long> sponsorIds) {

    public WebinarDraft {
        sponsorIds = sponsorIds == null ? List.of() : List.copyOf(sponsorIds);
    }
}
