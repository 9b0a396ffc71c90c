package org.colloquy.privacy;

import java.util.List;

/**
 * One page of a member's ledger, newest first.
 *
 * @param page  the page's index, 0 for the newest entries
 * @param size  entries per page
 * @param total entries in the whole ledger
 */
public record LedgerPage(List<LedgerEntryView> entries, int page, int size, long total) {

    public LedgerPage {
        entries = List.copyOf(entries);
    }

    /** Number of pages; 0 when the ledger is empty. */
    public int pages() {
        return (int) ((total + size - 1) / size);
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }
}
