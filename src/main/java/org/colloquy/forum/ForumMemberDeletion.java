package org.colloquy.forum;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.colloquy.account.MemberDeleting;

/** The forum's part of deleting an account (P-ACCOUNT-2), inside the deleting transaction. */
@ApplicationScoped
public class ForumMemberDeletion {

    @Inject
    ForumWriter writer;

    void deleting(@Observes MemberDeleting deletion) {
        writer.formerMember(deletion.memberId(), deletion.keepPosts(), deletion.usernames());
    }
}
