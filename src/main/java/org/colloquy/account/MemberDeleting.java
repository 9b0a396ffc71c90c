package org.colloquy.account;

/**
 * Fired by {@link AccountDeletion} inside the deleting transaction, before the member row is made
 * anonymous: each context removes or anonymises what it holds of the member, as
 * {@link DeletionTerms} says, through its own writer. An observer that fails rolls the whole
 * deletion back, so a member is never half deleted.
 *
 * @param memberId  the member being deleted
 * @param keepPosts whether their forum posts stay, credited to a former member, or are deleted
 * @param usernames the member's username and those they gave up that are held with it (lower case):
 *                  the names that must be found nowhere afterwards, such as in others' mentions
 */
public record MemberDeleting(long memberId, boolean keepPosts, java.util.Set<String> usernames) {

    public MemberDeleting {
        usernames = java.util.Set.copyOf(usernames);
    }
}
