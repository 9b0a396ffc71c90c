package org.colloquy.moderation.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.moderation.ModerationService;

/** {@code /moderation/log?q=text}: the staff log for moderators, newest first, searchable. */
@Named
@RequestScoped
public class ModerationLogBacking {

    @Inject
    private ModerationService moderation;

    private String q;
    private ModerationService.StaffLogPage page;

    public void load() {
        page = moderation.log(q);
    }

    public ModerationService.StaffLogPage getPage() {
        return page;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }
}
