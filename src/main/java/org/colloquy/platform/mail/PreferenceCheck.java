package org.colloquy.platform.mail;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * Puts a mail to every {@link MailPreferences} bean; the first refusal wins. Account mail is never
 * put to them: security and account notices always go (P-MARKETING-1).
 */
@ApplicationScoped
class PreferenceCheck {

    @Inject
    Instance<MailPreferences> preferences;

    /** Why this mail must not go now, or empty when it may. */
    Optional<String> suppression(MailCategory category, NotificationKind kind, String recipient) {
        if (category == MailCategory.ACCOUNT) {
            return Optional.empty();
        }
        for (MailPreferences each : preferences) {
            Optional<String> refusal = each.suppression(recipient, category, kind);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }
}
