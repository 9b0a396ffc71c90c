package org.colloquy.notice;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.colloquy.account.MemberDeleting;

/**
 * Writes notices when another context fires {@link Notify}, in the firing transaction, and erases a
 * member's notices when their account is deleted (P-ACCOUNT-2, the deletion term "notices").
 */
@ApplicationScoped
public class NoticeWriter {

    @Inject
    private NoticeRepository notices;

    void notify(@Observes Notify notify) {
        notices.add(new Notice(notify, OffsetDateTime.now(ZoneOffset.UTC)));
    }

    void deleting(@Observes MemberDeleting deletion) {
        notices.deleteOf(deletion.memberId());
    }
}
