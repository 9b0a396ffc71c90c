package org.colloquy.rights;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.mail.MailCategory;
import org.colloquy.platform.mail.MailOutbox;
import org.colloquy.platform.web.Site;

/**
 * Mail about rights requests and under-age reports, queued in the caller's transaction as account
 * mail (nobody may opt out of the answer to their own request). A requester is told nothing about
 * anyone's account; officers are told which requests are nearing or past their due date.
 */
@ApplicationScoped
public class RightsMails {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    @Inject
    private MailOutbox outbox;

    @Inject
    private Site site;

    /** A date as the rights pages and mails show it, in UTC. */
    public static String day(OffsetDateTime at) {
        return at == null ? "" : DAY.format(at.withOffsetSameInstant(ZoneOffset.UTC));
    }

    void confirmRequest(String to, RequestKind kind, String token) {
        send(to, "rights.mail.confirm", Texts.get("rights.kind." + kind.name()), site.getUrl() + "/rights-confirm?token=" + token);
    }

    void received(String to, RightsRequest request) {
        send(to, "rights.mail.received", Texts.get("rights.kind." + request.kind().name()), day(request.dueAt()), String.valueOf(request.id()));
    }

    void answer(RightsRequest request) {
        send(request.requesterEmail(), "rights.mail.answer", Texts.get("rights.kind." + request.kind().name()),
                Texts.get("rights.outcome." + request.outcome().name()), request.answer(), String.valueOf(request.id()));
    }

    void escalation(String to, String officerName, List<RightsRequest> requests, OffsetDateTime now) {
        String list = requests.stream()
                .map(r -> Texts.get(r.isOverdue(now) ? "rights.mail.escalation.lineOverdue" : "rights.mail.escalation.lineSoon",
                        String.valueOf(r.id()), Texts.get("rights.kind." + r.kind().name()), day(r.dueAt())))
                .collect(Collectors.joining("\n"));
        send(to, "rights.mail.escalation", officerName, requests.size(), list, site.getUrl() + "/privacy-office/requests");
    }

    void confirmReport(String to, String token) {
        send(to, "rights.mail.reportConfirm", site.getUrl() + "/rights-confirm?token=" + token);
    }

    void reportReceived(String to) {
        send(to, "rights.mail.reportReceived");
    }

    void reportOutcome(UnderAgeReport report) {
        send(report.reporterEmail(), "rights.mail.report." + report.status().name(), report.username(),
                report.decisionNote() == null ? "" : report.decisionNote());
    }

    private void send(String to, String key, Object... args) {
        Object[] withSite = new Object[args.length + 1];
        withSite[0] = site.getName();
        System.arraycopy(args, 0, withSite, 1, args.length);
        outbox.enqueue(MailCategory.ACCOUNT, to, Texts.get(key + ".subject", withSite), Texts.get(key + ".body", withSite));
    }
}
