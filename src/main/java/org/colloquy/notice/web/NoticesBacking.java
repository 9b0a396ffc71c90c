package org.colloquy.notice.web;

import java.io.IOException;
import java.io.Serializable;

import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.notice.Notice;
import org.colloquy.notice.NoticeService;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.web.FormErrors;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;

/**
 * {@code /notices?page=n}: the signed-in member's notices, newest first, twenty to a page, unread
 * ones marked in words. Opening one (a button, so that reading a page changes nothing) marks it
 * read and goes to what it is about; "Mark all as read" clears the header's count.
 */
@Named
@ViewScoped
public class NoticesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private NoticeService notices;

    @Inject
    private NoticeBell bell;

    private Integer page;
    private transient NoticeService.NoticePage list;

    public void load() {
        list = notices.page(page == null ? 1 : page);
    }

    /** Marks the notice read and goes to what it is about (or stays, when it is about nothing to open). */
    public String open(long noticeId) throws IOException {
        var notice = notices.open(noticeId);
        bell.refresh();
        if (notice.isPresent() && notice.get().path() != null) {
            Faces.redirect(Faces.getRequestContextPath() + notice.get().path());
            return null;
        }
        load();
        return null;
    }

    public String markAllRead() {
        notices.markAllRead();
        bell.refresh();
        FormErrors.done("notices", Texts.get("notice.allRead"));
        load();
        return null;
    }

    public NoticeService.NoticePage getList() {
        if (list == null) {
            load();
        }
        return list;
    }

    /** The label of a notice's kind. */
    public String kindLabel(Notice notice) {
        return Texts.get("notice.kind." + notice.kind().name());
    }

    public Integer getPage() {
        return page;
    }

    public void setPage(Integer page) {
        this.page = page;
    }
}
