package org.colloquy.moderation.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.validation.InvalidInputException;

/** A day typed into a date field, read as the moment a sanction or a moderator's term ends: 00:00 UTC that day (decision 0028). */
final class DayInput {

    private DayInput() {
    }

    /**
     * @return the start of the day in UTC, or null when nothing was typed
     * @throws InvalidInputException under {@code field} when the text is not a day (YYYY-MM-DD)
     */
    static OffsetDateTime startOfDay(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip()).atStartOfDay().atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, Texts.get("moderation.member.until.invalid"));
        }
    }
}
