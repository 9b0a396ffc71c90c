package org.colloquy.sponsor.web;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.sponsor.RevocationNotice;
import org.colloquy.sponsor.RevocationNotices;
import org.colloquy.sponsor.SponsorPortal;
import org.colloquy.sponsor.SponsorPortal.SponsorDesk;

/**
 * The sponsor portal's start, {@code /sponsor/portal}: for each sponsor the member acts for, its
 * revocation notices (unacknowledged first, P-SPONSOR-3) and the webinars it sponsors.
 */
@Named
@RequestScoped
public class SponsorPortalBacking {

    @Inject
    private SponsorPortal portal;

    @Inject
    private RevocationNotices notices;

    @Inject
    private ExternalContext external;

    private List<SponsorDesk> desks;
    private final Map<Long, List<RevocationNotice>> noticesOf = new HashMap<>();

    @PostConstruct
    void load() {
        desks = portal.deskOfCaller();
        desks.forEach(d -> noticesOf.put(d.sponsor().id(), notices.ofSponsorAsCaller(d.sponsor().id())));
    }

    public String acknowledge(long noticeId) throws IOException {
        notices.acknowledgeAsCaller(noticeId);
        external.redirect(external.getRequestContextPath() + "/sponsor/portal?acknowledged=true");
        return null;
    }

    public List<SponsorDesk> getDesks() {
        return desks;
    }

    public List<RevocationNotice> notices(long sponsorId) {
        return noticesOf.getOrDefault(sponsorId, List.of());
    }
}
