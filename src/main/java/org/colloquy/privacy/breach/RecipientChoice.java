package org.colloquy.privacy.breach;

/** A recipient in the disclosure ledger, as the officer picks it for a breach: key, label, members disclosed to it. */
public record RecipientChoice(String key, String label, long members) {
}
