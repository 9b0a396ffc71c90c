package org.colloquy.sponsor;

import java.time.OffsetDateTime;

/**
 * One consenting attendee as a sponsor receives them: only the fields the member ticked for this
 * sponsor hold a value, the others are null.
 */
public record AttendeeRow(String email, String name, String jobTitle, String organization, OffsetDateTime consentGivenAt) {
}
