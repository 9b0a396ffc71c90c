package org.colloquy.policy.web;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.security.Caller;
import org.colloquy.platform.web.FormErrors;
import org.colloquy.policy.PolicyChangedException;
import org.colloquy.policy.PolicyKind;
import org.colloquy.policy.PolicyService;
import org.colloquy.policy.PolicyVersion;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;

/**
 * {@code /policy-update}: the material changes the signed-in member has not accepted, each with the
 * summaries of what changed since the version they accepted and a link to the full text, and one
 * "I accept" that records an acceptance of each version shown and goes on to where they were going.
 */
@Named
@ViewScoped
public class PolicyUpdateBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One document to accept, with what changed since the member's version. */
    public record Owed(PolicyVersion version, int acceptedNumber, List<PolicyVersion> changes) {
    }

    @Inject
    private PolicyService policies;

    @Inject
    private Caller caller;

    private String next;
    /** The numbers shown, so that "I accept" accepts what the member read, not what is newest by then. */
    private final EnumMap<PolicyKind, Integer> shown = new EnumMap<>(PolicyKind.class);
    private transient List<Owed> owed;

    /** View action. */
    public void load() {
        shown.clear();
        getOwed().forEach(o -> shown.put(o.version().kind(), o.version().number()));
    }

    public String accept() {
        try {
            for (Map.Entry<PolicyKind, Integer> entry : shown.entrySet()) {
                policies.acceptAsCaller(entry.getKey(), entry.getValue(), Texts.get("policy.update.via"));
            }
        } catch (PolicyChangedException e) {
            owed = null;
            load();
            FormErrors.general("accept", Texts.get("policy.update.changed"));
            return null;
        }
        Faces.redirect(Faces.getRequestContextPath() + PolicyGateFilter.safeNext(next));
        return null;
    }

    public List<Owed> getOwed() {
        if (owed == null) {
            long member = caller.requireMemberId();
            owed = policies.owedBy(member).stream().map(version -> {
                int accepted = policies.acceptedVersion(member, version.kind());
                List<PolicyVersion> changes = policies.versions(version.kind()).stream()
                        .filter(v -> v.number() > accepted && v.number() <= version.number()).toList();
                return new Owed(version, accepted, changes);
            }).toList();
        }
        return owed;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }

    /** Where "Continue" leads when nothing is owed. */
    public String getContinueTo() {
        return Faces.getRequestContextPath() + PolicyGateFilter.safeNext(next);
    }
}
