package org.colloquy.moderation.web;

import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.account.MemberSanctions;
import org.colloquy.moderation.ModerationService;

/**
 * The end of moderators' terms on {@code /admin/members} (decision 0040): read once per request,
 * one row per moderator with an end.
 */
@Named
@RequestScoped
public class ModeratorTermsBacking {

    @Inject
    private ModerationService moderation;

    private Map<Long, OffsetDateTime> ends;

    /** The end of the member's term as a moderator, as people read dates; empty when there is none. */
    public String until(long memberId) {
        if (ends == null) {
            ends = moderation.termEnds();
        }
        return MemberSanctions.when(ends.get(memberId));
    }
}
