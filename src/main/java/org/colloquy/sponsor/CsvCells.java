package org.colloquy.sponsor;

/**
 * Cells of the attendee CSV made safe for spreadsheets: a value that a spreadsheet would read as a
 * formula (it starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return)
 * gets a leading apostrophe, so it is shown as text and never run (OWASP "CSV injection").
 */
public final class CsvCells {

    private CsvCells() {
    }

    /** The value as it may go in a cell; null stays empty. */
    public static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + value;
        }
        return value;
    }
}
