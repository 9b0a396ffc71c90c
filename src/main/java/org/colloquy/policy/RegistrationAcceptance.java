package org.colloquy.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.colloquy.account.MemberRegistered;
import org.colloquy.account.RegistrationSubmitted;
import org.colloquy.platform.i18n.Texts;

/**
 * Joining accepts the privacy policy the form showed (P-CONSENT-1): a form that showed a version no
 * longer in effect (or none, when one is) is refused with a message that asks again; a new account
 * gets its PRIVACY_POLICY consent in the registering transaction.
 */
@ApplicationScoped
public class RegistrationAcceptance {

    /** The registration form's field that states the version. */
    public static final String FIELD = "privacyPolicy";

    @Inject
    private PolicyService policies;

    void check(@Observes RegistrationSubmitted submission) {
        Integer shown = submission.privacyPolicyVersion();
        policies.current(PolicyKind.PRIVACY_POLICY).ifPresentOrElse(current -> {
            if (shown == null || shown != current.number()) {
                submission.refuse(FIELD, Texts.get("policy.register.changed", current.number()));
            }
        }, () -> {
            if (shown != null) {
                submission.refuse(FIELD, Texts.get("policy.register.withdrawn"));
            }
        });
    }

    void record(@Observes MemberRegistered registered) {
        if (registered.privacyPolicyVersion() != null) {
            policies.accept(registered.memberId(), PolicyKind.PRIVACY_POLICY, registered.privacyPolicyVersion(), registered.via());
        }
    }
}
