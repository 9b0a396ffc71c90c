package org.colloquy.event;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.colloquy.platform.i18n.Texts;
import org.colloquy.privacy.ConsentPurpose;
import org.colloquy.privacy.ConsentRequest;
import org.colloquy.privacy.Recipient;
import org.colloquy.privacy.RecipientKind;

/**
 * How sharing with a sponsor is keyed: one consent subject, and one ledger recipient, per sponsor
 * <em>and</em> webinar ({@code sponsor:12/event:5}), so consenting for one webinar says nothing about
 * the same sponsor's next one (decision 0021).
 */
public final class SponsorSharing {

    /** Version of the registration form's consent wording; raise it when the wording changes. */
    public static final String NOTICE_VERSION = "webinar-registration/1";

    public static final String VIA_REGISTRATION = "Webinar registration form";

    private static final Pattern KEY = Pattern.compile("sponsor:(\\d+)/event:(\\d+)");

    private SponsorSharing() {
    }

    public record Subject(long sponsorId, long webinarId) {
    }

    public static String subjectKey(long sponsorId, long webinarId) {
        return "sponsor:" + sponsorId + "/event:" + webinarId;
    }

    public static Optional<Subject> parse(String subjectKey) {
        if (subjectKey == null) {
            return Optional.empty();
        }
        Matcher m = KEY.matcher(subjectKey);
        return m.matches() ? Optional.of(new Subject(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)))) : Optional.empty();
    }

    /** As the member reads it in the ledger and their consents: "Acme (sponsor of Webinar X)". */
    public static String label(String sponsorName, String webinarTitle) {
        String label = Texts.get("event.sponsor.label", sponsorName, webinarTitle);
        return label.length() > Recipient.LABEL_LENGTH ? label.substring(0, Recipient.LABEL_LENGTH - 1) + "…" : label;
    }

    public static Recipient recipient(long sponsorId, String sponsorName, long webinarId, String webinarTitle) {
        return new Recipient(RecipientKind.SPONSOR, subjectKey(sponsorId, webinarId), label(sponsorName, webinarTitle));
    }

    /** The exact wording a member saw for these ticked fields: one line per tick, then the withdrawal line. */
    public static String noticeText(String sponsorName, Collection<SharedField> ticked) {
        StringBuilder text = new StringBuilder();
        for (SharedField field : SharedField.values()) {
            if (ticked.contains(field)) {
                text.append(field.consentLine(sponsorName)).append('\n');
            }
        }
        return text.append(Texts.get("event.share.nothingWithoutTick")).toString();
    }

    public static ConsentRequest consentRequest(long sponsorId, String sponsorName, long webinarId, String webinarTitle,
                                                Set<SharedField> ticked) {
        return ConsentRequest.of(ConsentPurpose.SPONSOR_SHARING, NOTICE_VERSION, noticeText(sponsorName, ticked), VIA_REGISTRATION)
                .about(subjectKey(sponsorId, webinarId), label(sponsorName, webinarTitle))
                .forFields(ticked.stream().sorted().map(SharedField::key).collect(Collectors.toCollection(java.util.LinkedHashSet::new)));
    }
}
