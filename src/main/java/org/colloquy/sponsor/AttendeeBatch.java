package org.colloquy.sponsor;

import java.util.List;

/** What one batch of registrations yielded for a sponsor: the consenting rows and how many did not consent. */
public record AttendeeBatch(List<AttendeeRow> rows, int notConsenting) {
}
