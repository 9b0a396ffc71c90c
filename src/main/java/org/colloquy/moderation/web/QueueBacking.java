package org.colloquy.moderation.web;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.moderation.FlagReason;
import org.colloquy.moderation.ModerationService;
import org.colloquy.moderation.ReviewItem;

/**
 * {@code /moderation/queue}: open items, oldest first, filtered by kind, reason and age through
 * plain GET parameters (a transient page: a filtered queue is a link a moderator can share).
 */
@Named
@RequestScoped
public class QueueBacking {

    @Inject
    private ModerationService moderation;

    private String kind;
    private String reason;
    private Integer hours;
    private List<ModerationService.QueueRow> rows;
    private long me;

    public void load() {
        ReviewItem.Kind k = parse(ReviewItem.Kind.class, kind);
        FlagReason r = parse(FlagReason.class, reason);
        Duration age = hours == null || hours <= 0 ? null : Duration.ofHours(hours);
        rows = moderation.queue(k, r, age);
        me = moderation.me();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public List<ModerationService.QueueRow> getRows() {
        return rows;
    }

    public long getMe() {
        return me;
    }

    public List<FlagReason> getReasons() {
        return List.of(FlagReason.values());
    }

    public List<ReviewItem.Kind> getKinds() {
        // An EDITED item is decided when it is made: it enters the queue only through an appeal.
        return java.util.Arrays.stream(ReviewItem.Kind.values()).filter(k -> k != ReviewItem.Kind.EDITED).toList();
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public Integer getHours() {
        return hours;
    }

    public void setHours(Integer hours) {
        this.hours = hours;
    }
}
