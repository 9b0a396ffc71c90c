package org.colloquy.notice.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.notice.NoticeService;
import org.colloquy.platform.i18n.Texts;

/**
 * The header's link to {@code /notices} with the unread count ({@code #{noticeBell.unread}}). The
 * layout renders it only for a signed-in member, so an anonymous page asks nothing and opens no
 * session; a signed-in page pays one counting statement, at most once per request.
 */
@Named
@RequestScoped
public class NoticeBell {

    @Inject
    private NoticeService notices;

    private Long unread;

    public long getUnread() {
        if (unread == null) {
            unread = notices.unreadCount();
        }
        return unread;
    }

    /** Counts again when this request changed it (opened a notice, marked all read): the header is rendered after the action. */
    public void refresh() {
        unread = null;
    }

    /** The link's accessible name, "Notifications, 3 unread": the visible badge shows the number only. */
    public String getLabel() {
        return Texts.get("notice.bell.label", getUnread());
    }
}
