package org.colloquy.policy.web;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.colloquy.platform.text.Markdown;
import org.colloquy.policy.PolicyKind;
import org.colloquy.policy.PolicyService;
import org.colloquy.policy.PolicyVersion;

/**
 * What the public policy pages show ({@code #{policyPages...}}): the current version of a
 * document, one version by number ({@code /privacy/v/2}, found by {@link PolicyPageServlet}),
 * or the list of versions, each read once per request. Pages are transient and open no session.
 */
@Named
@RequestScoped
public class PolicyPages {

    /**
     * One version as a page shows it, with its text rendered and where it stands.
     *
     * @param inEffect the version in effect now, null when none is yet
     * @param next     the newest version when it is not in effect yet, else null
     */
    public record Shown(PolicyKind kind, PolicyVersion version, String html, PolicyVersion inEffect, PolicyVersion next) {

        public boolean isCurrent() {
            return inEffect != null && inEffect.number() == version.number();
        }

        /** Published, but not in effect yet. */
        public boolean isUpcoming() {
            return inEffect == null || version.number() > inEffect.number();
        }

        /** A newer version is published and takes effect later. */
        public boolean isNextAnnounced() {
            return next != null && next.number() > version.number();
        }

        /** An older version, replaced by the current one. */
        public boolean isSuperseded() {
            return !isCurrent() && !isUpcoming();
        }

        public String path() {
            return kind.path(version.number());
        }
    }

    @Inject
    private PolicyService policies;

    @Inject
    private Markdown markdown;

    @Inject
    private HttpServletRequest request;

    private final Map<PolicyKind, Optional<Shown>> shownByKind = new EnumMap<>(PolicyKind.class);
    private Shown requested;
    private List<PolicyVersion> versions;

    /**
     * The version a reader of {@code /privacy} sees: the one in effect, or, before any is, the first
     * one to come (with a note). Empty when nothing was published.
     */
    public Shown current(String kindName) {
        PolicyKind kind = PolicyKind.valueOf(kindName);
        return shownByKind.computeIfAbsent(kind, k -> {
            Optional<PolicyVersion> current = policies.current(k);
            Optional<PolicyVersion> upcoming = policies.upcoming(k);
            return current.or(() -> policies.versions(k).stream().reduce((newer, older) -> older))
                    .map(v -> shown(k, v, current.orElse(null), upcoming.orElse(null)));
        }).orElse(null);
    }

    /** The version named by the address ({@code /privacy/v/2}), set by {@link PolicyPageServlet}. */
    public Shown getRequested() {
        if (requested == null && request.getAttribute(PolicyPageServlet.VERSION) instanceof PolicyVersion version) {
            requested = shown(version.kind(), version, policies.current(version.kind()).orElse(null),
                    policies.upcoming(version.kind()).orElse(null));
        }
        return requested;
    }

    /** The document whose versions the address lists ({@code /privacy/versions}), set by {@link PolicyPageServlet}. */
    public PolicyKind getListedKind() {
        return (PolicyKind) request.getAttribute(PolicyPageServlet.KIND);
    }

    /** Every version of the listed document, newest first. */
    public List<PolicyVersion> getVersions() {
        if (versions == null) {
            versions = getListedKind() == null ? List.of() : policies.versions(getListedKind());
        }
        return versions;
    }

    /** The number of the version in effect of the listed document, 0 when none is. */
    public int getListedCurrentNumber() {
        return getListedKind() == null ? 0 : current(getListedKind().name()) == null ? 0
                : Optional.ofNullable(current(getListedKind().name()).inEffect()).map(PolicyVersion::number).orElse(0);
    }

    private Shown shown(PolicyKind kind, PolicyVersion version, PolicyVersion current, PolicyVersion upcoming) {
        return new Shown(kind, version, markdown.toHtml(version.bodyMarkdown()), current, upcoming);
    }
}
