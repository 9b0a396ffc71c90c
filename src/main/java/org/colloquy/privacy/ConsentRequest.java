package org.colloquy.privacy;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A consent as a page asks for it: the purpose, its subject when it has one, the fields it covers,
 * the version and the exact words of the notice the member is shown, and where they are shown it.
 *
 * <h2>Usage</h2>
 * <pre>
 * consents.give(memberId, ConsentRequest.of(ConsentPurpose.SPONSOR_SHARING, "event-notice/2", wording, "Webinar registration form")
 *         .about("sponsor:" + sponsor.id(), sponsor.name())
 *         .forFields(Set.of("email", "name")));
 * </pre>
 *
 * @param subjectKey   stable key of the subject ({@code sponsor:12}), null when the purpose has none
 * @param subjectLabel the subject's name as shown to the member, null when there is none
 * @param fields       the personal data fields covered, in the order shown; empty when none are named
 * @param via          where the member gave it ("Registration form", "Privacy centre")
 */
public record ConsentRequest(ConsentPurpose purpose, String subjectKey, String subjectLabel, Set<String> fields,
                             String noticeVersion, String noticeText, String via) {

    public ConsentRequest {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(noticeVersion, "noticeVersion");
        Objects.requireNonNull(noticeText, "noticeText");
        Objects.requireNonNull(via, "via");
        fields = fields == null ? Set.of() : java.util.Collections.unmodifiableSet(new LinkedHashSet<>(fields));
        if (noticeText.length() > Consent.NOTICE_TEXT_LENGTH) {
            throw new IllegalArgumentException("A consent notice is at most " + Consent.NOTICE_TEXT_LENGTH + " characters");
        }
        for (String field : fields) {
            if (field.isBlank() || field.contains(",")) {
                throw new IllegalArgumentException("A field name is a word without commas: '" + field + "'");
            }
        }
    }

    public static ConsentRequest of(ConsentPurpose purpose, String noticeVersion, String noticeText, String via) {
        return new ConsentRequest(purpose, null, null, Set.of(), noticeVersion, noticeText, via);
    }

    public ConsentRequest about(String key, String label) {
        return new ConsentRequest(purpose, key, label, fields, noticeVersion, noticeText, via);
    }

    public ConsentRequest forFields(Set<String> names) {
        return new ConsentRequest(purpose, subjectKey, subjectLabel, names, noticeVersion, noticeText, via);
    }
}
