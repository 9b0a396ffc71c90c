package org.colloquy.rights.web;

import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.privacy.breach.BreachNotice;
import org.colloquy.privacy.breach.BreachNotices;
import org.colloquy.removal.RemovalRequest;
import org.colloquy.removal.RemovalService;
import org.colloquy.rights.ReportStatus;
import org.colloquy.rights.RightsDesk;
import org.colloquy.rights.RightsOffice;

/**
 * {@code /privacy-office/overview}: the privacy officer's start page, with what waits in each queue
 * (rights requests, under-age reports, removal requests) and how much of it is overdue, and the
 * breach notices. Each count comes from the queue's own service, which checks the officer's role.
 */
@Named
@RequestScoped
public class PrivacyOfficeOverviewBacking {

    @Inject
    private RightsOffice rights;

    @Inject
    private RemovalService removals;

    @Inject
    private BreachNotices breaches;

    private long openRequests;
    private long overdueRequests;
    private long reportsInReview;
    private long openRemovals;
    private long overdueRemovals;
    private int breachCount;

    @PostConstruct
    void load() {
        List<RightsDesk.QueueRow> requests = rights.queue();
        openRequests = requests.stream().filter(r -> r.request().status().isOpen()).count();
        overdueRequests = requests.stream().filter(r -> r.request().status().isOpen() && r.overdue()).count();
        reportsInReview = rights.reports().stream().filter(r -> r.report().status() == ReportStatus.IN_REVIEW).count();
        List<RemovalService.QueueRow> removalQueue = removals.queue();
        openRemovals = removalQueue.size();
        overdueRemovals = removalQueue.stream().filter(r -> r.urgency() == RemovalRequest.Urgency.OVERDUE).count();
        List<BreachNotice> notices = breaches.list();
        breachCount = notices.size();
    }

    public long getOpenRequests() {
        return openRequests;
    }

    public long getOverdueRequests() {
        return overdueRequests;
    }

    public long getReportsInReview() {
        return reportsInReview;
    }

    public long getOpenRemovals() {
        return openRemovals;
    }

    public long getOverdueRemovals() {
        return overdueRemovals;
    }

    public int getBreachCount() {
        return breachCount;
    }
}
