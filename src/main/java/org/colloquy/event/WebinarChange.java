package org.colloquy.event;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What an edit changed of a webinar as its registrants' calendar entries show it
 * ({@link WebinarCalendar}): the time, the title, the join link. The time is the instants: the same
 * instants written in another time zone are no change (the file is in UTC), while another zone with
 * the same local times is. Description, capacity, deadline and sponsors are not in the file, so
 * changing only them changes nothing here. Pure.
 */
public record WebinarChange(Shown before, Shown after) {

    /** What a calendar entry shows of a webinar at one moment, with the zone its mail states the time in. */
    public record Shown(String title, OffsetDateTime startsAt, OffsetDateTime endsAt, ZoneId zone, String joinLink) {

        public Shown {
            Objects.requireNonNull(title);
            Objects.requireNonNull(startsAt);
            Objects.requireNonNull(endsAt);
            Objects.requireNonNull(zone);
        }

        public static Shown of(Webinar webinar) {
            return new Shown(webinar.title(), webinar.startsAt(), webinar.endsAt(), webinar.zone(), webinar.joinLink());
        }
    }

    public WebinarChange {
        Objects.requireNonNull(before);
        Objects.requireNonNull(after);
    }

    public boolean timeChanged() {
        return !before.startsAt().isEqual(after.startsAt()) || !before.endsAt().isEqual(after.endsAt());
    }

    public boolean titleChanged() {
        return !before.title().equals(after.title());
    }

    public boolean joinLinkChanged() {
        return !Objects.equals(before.joinLink(), after.joinLink());
    }

    /** Whether registrants' calendar entries are out of date, so each gets an updated file. */
    public boolean changesCalendars() {
        return timeChanged() || titleChanged() || joinLinkChanged();
    }

    /** Whether the webinar had ended before and still has: no calendar entry worth revising then. */
    public boolean allPast(OffsetDateTime now) {
        return before.endsAt().isBefore(now) && after.endsAt().isBefore(now);
    }
}
