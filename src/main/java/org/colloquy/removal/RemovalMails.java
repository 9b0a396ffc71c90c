package org.colloquy.removal;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.mail.MailCategory;
import org.colloquy.platform.mail.MailOutbox;
import org.colloquy.platform.web.Site;

/**
 * The removal context's mails, all ACCOUNT mail (never turned off): the member is told each decision
 * and each appeal's outcome with the reason, and every privacy officer is told which requests near
 * or pass their due date.
 */
@ApplicationScoped
public class RemovalMails {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", java.util.Locale.ENGLISH);

    @Inject
    private MailOutbox outbox;

    @Inject
    private Site site;

    /** The first decision or the appeal's, with what it means for the item and, for a refusal, why and whether to appeal. */
    void decided(String address, RemovalRequest request, String topicTitle, boolean appeal) {
        RemovalRequest.Outcome outcome = appeal ? request.appealOutcome() : request.outcome();
        String reason = request.refusalCategory() == null ? "" : Texts.get("removal.reason." + request.refusalCategory().name());
        String words = appeal ? request.appealWords() : request.officerWords();
        String key = "removal.mail." + (appeal ? "appeal." : "") + outcome.name();
        outbox.enqueue(MailCategory.ACCOUNT, address, Texts.get(key + ".subject", shorten(topicTitle)),
                Texts.get(key + ".body", topicTitle, reason, words == null ? "" : words, site.getUrl() + "/account/removals"));
    }

    /** One mail to an officer listing the requests escalated today: each line names the request, its due date and urgency. */
    void escalation(String address, List<RemovalRequest> requests, OffsetDateTime now) {
        StringBuilder lines = new StringBuilder();
        for (RemovalRequest r : requests) {
            lines.append(Texts.get("removal.mail.escalation.line", r.id(), day(r.dueAt()),
                    Texts.get("removal.urgency." + r.urgency(now).name()))).append('\n');
        }
        outbox.enqueue(MailCategory.ACCOUNT, address, Texts.get("removal.mail.escalation.subject", requests.size()),
                Texts.get("removal.mail.escalation.body", lines.toString(), site.getUrl() + "/privacy-office/removals"));
    }

    static String day(OffsetDateTime at) {
        return at == null ? "" : DAY.format(at);
    }

    private static String shorten(String text) {
        return text.length() <= 100 ? text : text.substring(0, 99).stripTrailing() + "…";
    }
}
