package org.colloquy.event;

import java.util.Arrays;
import java.util.Optional;

import org.colloquy.platform.i18n.Texts;

/**
 * What a registrant may share with a sponsor, each with its own checkbox (P-SPONSOR-1). The key is
 * the field's name in consents, the ledger and the CSV export.
 */
public enum SharedField {
    EMAIL("email"),
    NAME("name"),
    JOB_TITLE("job_title"),
    ORGANIZATION("organization");

    private final String key;

    SharedField(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** How the field is named to a person ("email address"). */
    public String label() {
        return Texts.get("event.field." + key);
    }

    /** The exact words of this field's checkbox under this sponsor; a consent records them as the member saw them. */
    public String consentLine(String sponsorName) {
        return Texts.get("event.share.line", label(), sponsorName);
    }

    public static Optional<SharedField> ofKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }
}
