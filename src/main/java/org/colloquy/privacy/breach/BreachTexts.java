package org.colloquy.privacy.breach;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.colloquy.platform.i18n.Dates;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.web.Site;

/**
 * The words of a breach notice as a member reads it in the mail (and the officer in the preview):
 * what happened, which of their data, what was done, what they can do, whom to contact, and the
 * address of the public notice.
 */
@ApplicationScoped
public class BreachTexts {

    @Inject
    private Site site;

    @Inject
    private Dates dates;

    public String subject(BreachNotice breach) {
        return Texts.get("breach.mail.subject", breach.title());
    }

    /**
     * @param fields the member's fields that the ledger shows went to the recipient; empty for a breach of every member
     */
    public String body(BreachNotice breach, String name, Set<String> fields) {
        String when = breach.occurredOn() == null
                ? Texts.get("breach.mail.when.unknown", dates.day(breach.discoveredOn()))
                : Texts.get("breach.mail.when", dates.day(breach.occurredOn()), dates.day(breach.discoveredOn()));
        String yourData = switch (breach.scope()) {
            case RECIPIENT -> Texts.get("breach.mail.yourData.recipient", breach.recipientLabel(), String.join(", ", fields),
                    breach.dataConcerned());
            case FORUM_CATEGORY, WORKGROUP, WEBINAR -> Texts.get("breach.mail.yourData." + breach.scope().name(), breach.scopeDetail(),
                    breach.dataConcerned());
            case JOINED_BETWEEN -> Texts.get("breach.mail.yourData.JOINED_BETWEEN", dates.day(breach.joinedFrom()),
                    dates.day(breach.joinedTo()), breach.dataConcerned());
            default -> Texts.get("breach.mail.yourData.all", breach.dataConcerned());
        };
        return Texts.get("breach.mail.body", name, breach.whatHappened(), when, yourData, breach.measures(), breach.memberAdvice(),
                breach.contact(), site.getUrl() + "/breach?id=" + breach.id());
    }
}
