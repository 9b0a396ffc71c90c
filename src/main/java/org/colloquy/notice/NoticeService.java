package org.colloquy.notice;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.colloquy.platform.security.Caller;

/**
 * The signed-in member's notices (issue 7, decision 0039): the list, newest first and paged; the
 * unread count the header's bell shows; opening one marks it read; all can be marked read at once.
 * Every method works on the caller's own notices only: no parameter names a member, and a notice
 * of someone else is "not found".
 */
@Stateless
@DeclareRoles("MEMBER")
@RolesAllowed("MEMBER")
public class NoticeService {

    public static final int PAGE_SIZE = 20;

    /** One page of the member's notices, with the page count and how many are unread. */
    public record NoticePage(List<Notice> notices, int page, int pages, long unread) {
    }

    @Inject
    private NoticeRepository notices;

    @Inject
    private Caller caller;

    /** The caller's notices, page {@code page} (1-based; a page past the last gives the last). */
    public NoticePage page(int page) {
        long me = caller.requireMemberId();
        long total = notices.count(me);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int shown = Math.min(Math.max(1, page), pages);
        return new NoticePage(notices.page(me, (shown - 1) * PAGE_SIZE, PAGE_SIZE), shown, pages, notices.unread(me));
    }

    /**
     * How many of the caller's notices are unread: one counting statement on an index, none for an
     * anonymous caller (the layout asks on every page, error pages too, so it never refuses).
     */
    @PermitAll
    public long unreadCount() {
        return caller.memberId().map(notices::unread).orElse(0L);
    }

    /**
     * Opens one of the caller's notices: it is marked read.
     *
     * @return the notice, or empty when the caller has no notice of that id
     */
    public Optional<Notice> open(long noticeId) {
        long me = caller.requireMemberId();
        Optional<Notice> notice = notices.of(me, noticeId);
        notice.ifPresent(n -> notices.markRead(me, noticeId, now()));
        return notice;
    }

    /** Marks every notice of the caller read; @return how many were unread */
    public int markAllRead() {
        return notices.markAllRead(caller.requireMemberId(), now());
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
