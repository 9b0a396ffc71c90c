package org.colloquy.account;

/**
 * Fired synchronously in the account's transaction when a member's address becomes verified: the
 * first verification after joining, or a confirmed change of address. Contexts that act on where a
 * member's mail goes (an organization that claims the address's domain, P-CORP-1) react at that
 * moment instead of finding out later.
 *
 * @param email         the address now verified
 * @param name          the member's name, for a greeting
 * @param previousEmail the verified address it replaced, or null when there was none
 */
public record MemberAddressVerified(long memberId, String email, String name, String previousEmail) {
}
