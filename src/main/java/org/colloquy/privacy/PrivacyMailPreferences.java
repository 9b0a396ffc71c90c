package org.colloquy.privacy;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.colloquy.account.AddressOwners;
import org.colloquy.platform.mail.MailCategory;
import org.colloquy.platform.mail.MailPreferences;
import org.colloquy.platform.mail.NotificationKind;

/**
 * The privacy context's answer to the outbox (P-MARKETING-1): marketing mail only to a member with a
 * live marketing consent, a notification only when the member has not opted out of its kind. An
 * address no member uses now gets neither: nobody there consented or chose. Read from the database
 * at each question, so an opt-out counts for the very next send.
 */
@ApplicationScoped
public class PrivacyMailPreferences implements MailPreferences {

    @Inject
    private AddressOwners owners;

    @Inject
    private EmailPreferences preferences;

    @Override
    public Optional<String> suppression(String recipient, MailCategory category, NotificationKind kind) {
        if (category == MailCategory.ACCOUNT) {
            return Optional.empty();
        }
        Optional<Long> member = owners.memberIdOf(recipient);
        if (member.isEmpty()) {
            return Optional.of("no member uses this address");
        }
        return switch (category) {
            case MARKETING -> preferences.wantsMarketing(member.get()) ? Optional.empty()
                    : Optional.of("no live marketing consent");
            case NOTIFICATION -> kind != null && preferences.isOptedOut(member.get(), kind)
                    ? Optional.of("opted out of " + kind) : Optional.empty();
            case ACCOUNT -> Optional.empty();
        };
    }
}
