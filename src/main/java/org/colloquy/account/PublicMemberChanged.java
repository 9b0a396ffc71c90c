package org.colloquy.account;

/**
 * Fired inside the account's transaction when what anyone may see of a member, by their username,
 * changes: the username itself, or whether they have a public page (deactivated or reactivated,
 * P-ACCOUNT-2). Pages that show a member by username and keep copies (the forums' page cache, decision
 * 0017) observe it after the commit and drop them, so the next page view shows the change. Deletion
 * has its own event, {@link MemberDeleting}.
 *
 * @param memberId the member, never shown
 */
public record PublicMemberChanged(long memberId) {
}
