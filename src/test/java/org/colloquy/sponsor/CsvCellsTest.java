package org.colloquy.sponsor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Cells a spreadsheet would run as a formula are neutralised; others pass unchanged. */
class CsvCellsTest {

    @Test
    void formulaStartsGetAnApostrophe() {
        assertEquals("'=1+1", CsvCells.safe("=1+1"));
        assertEquals("'+cmd", CsvCells.safe("+cmd"));
        assertEquals("'-2", CsvCells.safe("-2"));
        assertEquals("'@SUM(A1)", CsvCells.safe("@SUM(A1)"));
        assertEquals("'\t=x", CsvCells.safe("\t=x"));
        assertEquals("'\r=x", CsvCells.safe("\r=x"));
    }

    @Test
    void otherValuesAreUnchanged() {
        assertEquals("Ada Lovelace", CsvCells.safe("Ada Lovelace"));
        assertEquals("a=b", CsvCells.safe("a=b"));
        assertEquals("", CsvCells.safe(null));
        assertEquals("", CsvCells.safe(""));
    }
}
