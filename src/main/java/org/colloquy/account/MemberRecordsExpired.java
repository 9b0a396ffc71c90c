package org.colloquy.account;

/**
 * Fired by {@link AccountRetention} when the records a deletion kept for proof have outlived
 * {@link DeletionTerms#RECORDS_YEARS}: each context holding such records of the deleted member
 * (the privacy context: consents and ledger entries) erases them, in the purging transaction.
 *
 * @param memberId the deleted member's tombstone id
 */
public record MemberRecordsExpired(long memberId) {
}
