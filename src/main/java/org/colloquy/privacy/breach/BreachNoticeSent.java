package org.colloquy.privacy.breach;

/** Fired after a breach notice was sent, so this node's banner shows it at once. */
public record BreachNoticeSent(long breachId) {
}
