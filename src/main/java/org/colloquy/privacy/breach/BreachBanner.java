package org.colloquy.privacy.breach;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The public breach banner every page's layout shows ({@code #{breachBanner.current}}), the same
 * for every visitor and touching no session, so transient and cached pages keep it. The live notices
 * are read at most once per {@link #REFRESH} per node (not once per page view); whether each still
 * shows is decided against the clock on every view, so a banner ends at its set time. A send on this
 * node shows at once; other nodes show it within {@link #REFRESH}, and a cached anonymous forum page
 * within the page cache's seconds more (decision 0033).
 */
@Named
@ApplicationScoped
public class BreachBanner {

    static final Duration REFRESH = Duration.ofSeconds(30);

    private static final Logger LOG = Logger.getLogger(BreachBanner.class.getName());

    private record Snapshot(List<BreachNotice> notices, OffsetDateTime readAt) {
    }

    @Inject
    private BreachDesk desk;

    private volatile Snapshot snapshot;

    /** The notices to show now, newest first; usually none. */
    public List<BreachNotice> getCurrent() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Snapshot seen = snapshot;
        if (seen == null || seen.readAt().plus(REFRESH).isBefore(now)) {
            List<BreachNotice> notices;
            try {
                notices = List.copyOf(desk.bannersAt(now));
            } catch (RuntimeException e) {
                // Error pages use the layout too: a database that is down must not break the page that says so.
                LOG.log(Level.WARNING, "Could not read the breach notices; showing what was read before", e);
                notices = seen == null ? List.of() : seen.notices();
            }
            seen = new Snapshot(notices, now);
            snapshot = seen;
        }
        return seen.notices().stream().filter(n -> n.showsBannerAt(now)).toList();
    }

    void sent(@Observes BreachNoticeSent event) {
        snapshot = null;
    }
}
