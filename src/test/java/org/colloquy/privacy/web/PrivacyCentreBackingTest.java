package org.colloquy.privacy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.mail.NotificationKind;
import org.junit.jupiter.api.Test;

/** What the privacy centre says in words. */
class PrivacyCentreBackingTest {

    @Test
    void fieldsAreNamedInWordsInTheirOrder() {
        assertEquals("email address", PrivacyCentreBacking.fieldsInWords(Set.of("email")));
        assertEquals("name and email address", PrivacyCentreBacking.fieldsInWords(new LinkedHashSet<>(List.of("name", "email"))));
        assertEquals("name, job title and organization",
                PrivacyCentreBacking.fieldsInWords(new LinkedHashSet<>(List.of("name", "job_title", "organization"))));
        assertEquals("shoe size", PrivacyCentreBacking.fieldsInWords(Set.of("shoe_size")), "a field without a text is named plainly");
        assertEquals("no named data", PrivacyCentreBacking.fieldsInWords(Set.of()));
    }

    @Test
    void everyNotificationKindHasAName_P_MARKETING_1() {
        for (NotificationKind kind : NotificationKind.values()) {
            Texts.get("mail.kind." + kind.name());
        }
    }
}
