package org.colloquy.privacy;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who receives personal data. The key is stable and is what consents and the ledger are matched on
 * ({@code sponsor:42}, {@code public}, {@code workgroup:7}); the label is what the member reads
 * ("Acme Ltd (sponsor of Webinar X)") and is kept in the ledger as it was at the time.
 */
public record Recipient(RecipientKind kind, String key, String label) {

    public static final int KEY_LENGTH = Consent.SUBJECT_KEY_LENGTH;
    public static final int LABEL_LENGTH = Consent.SUBJECT_LABEL_LENGTH;

    private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9_.:/-]*");

    /** The public at large. */
    public static Recipient everyone(String label) {
        return new Recipient(RecipientKind.PUBLIC, "public", label);
    }

    public Recipient {
        Objects.requireNonNull(kind, "kind");
        if (key == null || key.isBlank() || key.length() > KEY_LENGTH || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("A recipient key starts with a lower-case letter, has no spaces and at most "
                    + KEY_LENGTH + " characters, such as 'sponsor:42': '" + key + "'");
        }
        if (label == null || label.isBlank() || label.length() > LABEL_LENGTH) {
            throw new IllegalArgumentException("A recipient label is not blank and at most " + LABEL_LENGTH + " characters");
        }
        label = label.strip();
    }
}
