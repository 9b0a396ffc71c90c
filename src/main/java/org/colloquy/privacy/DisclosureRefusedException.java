package org.colloquy.privacy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ejb.ApplicationException;

import org.colloquy.platform.i18n.Texts;

/**
 * A disclosure had no live basis for at least one of its members, so nothing was disclosed and
 * nothing written; the caller's transaction is rolled back with it, so its own part of the
 * disclosure (a list sent, a document published) does not happen either.
 */
@ApplicationException(rollback = true)
public class DisclosureRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String recipientKey;
    private final Map<Long, RefusalReason> reasons;

    public DisclosureRefusedException(Recipient recipient, Map<Long, RefusalReason> reasons) {
        super(message(recipient, reasons));
        this.recipientKey = recipient.key();
        this.reasons = Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
    }

    /** The members whose data could not be disclosed. */
    public Set<Long> refusedMemberIds() {
        return reasons.keySet();
    }

    /** Why, per refused member. */
    public Map<Long, RefusalReason> reasons() {
        return reasons;
    }

    public String recipientKey() {
        return recipientKey;
    }

    private static String message(Recipient recipient, Map<Long, RefusalReason> reasons) {
        String each = reasons.entrySet().stream()
                .map(e -> Texts.get("disclosure.refused.member", e.getKey(), Texts.get(e.getValue().messageKey())))
                .collect(Collectors.joining("; "));
        return Texts.get("disclosure.refused", recipient.label(), each);
    }
}
