package org.colloquy.policy.web;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.policy.PolicyService;
import org.colloquy.policy.PolicyVersion;

/**
 * The home page's notice of material policy changes (P-POLICY-1), shown to everyone from the
 * publication of a material version until the day it takes effect: {@code #{policyNotices.pending}}.
 */
@Named
@RequestScoped
public class PolicyNotices {

    @Inject
    private PolicyService policies;

    private List<PolicyVersion> pending;

    public List<PolicyVersion> getPending() {
        if (pending == null) {
            pending = policies.pendingMaterialChanges();
        }
        return pending;
    }
}
