package org.colloquy.policy.web;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.account.StaffService;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.text.Markdown;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.platform.web.FormErrors;
import org.colloquy.policy.PolicyDraft;
import org.colloquy.policy.PolicyKind;
import org.colloquy.policy.PolicyService;
import org.colloquy.policy.PolicyVersion;
import org.omnifaces.cdi.ViewScoped;

/**
 * {@code /admin/policies}: the three documents with every version, and the form that publishes a
 * new one (Markdown text with a preview, effective date, summary, material flag). Opening it with
 * {@code ?kind=PRIVACY_POLICY} starts the form from that document's newest text.
 */
@Named
@ViewScoped
public class AdminPoliciesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private PolicyService policies;

    @Inject
    private StaffService staff;

    @Inject
    private Markdown markdown;

    private PolicyKind kind;
    private String body;
    private LocalDate effective;
    private String summary;
    private boolean material;
    private String previewHtml;
    private transient Map<PolicyKind, List<PolicyVersion>> versions;
    private transient Map<Long, String> publishers;

    /** View action: a document named by {@code ?kind=} starts the form from its newest text. */
    public void load() {
        if (kind != null && body == null) {
            List<PolicyVersion> of = getVersions().get(kind);
            body = of.isEmpty() ? null : of.get(0).bodyMarkdown();
        }
    }

    public String preview() {
        previewHtml = markdown.toHtml(body);
        return null;
    }

    public String publish() {
        try {
            PolicyVersion published = policies.publish(new PolicyDraft(kind, body, effective, summary, material));
            FormErrors.done("publish", Texts.get("policy.admin.published", published.number(),
                    Texts.get("policy.kindLower." + published.kind().name())));
            body = summary = previewHtml = null;
            effective = null;
            material = false;
            versions = null;
            publishers = null;
        } catch (InvalidInputException e) {
            FormErrors.show("publish", e.problems());
        }
        return null;
    }

    public List<PolicyKind> getKinds() {
        return Arrays.asList(PolicyKind.values());
    }

    /** Every version of each document, newest first; read once per view and after a publication. */
    public Map<PolicyKind, List<PolicyVersion>> getVersions() {
        if (versions == null) {
            versions = new EnumMap<>(PolicyKind.class);
            for (PolicyKind k : PolicyKind.values()) {
                versions.put(k, policies.versions(k));
            }
        }
        return versions;
    }

    /** Usernames of the publishers, by member id. */
    public Map<Long, String> getPublishers() {
        if (publishers == null) {
            publishers = staff.usernames(getVersions().values().stream().flatMap(List::stream)
                    .map(PolicyVersion::publishedBy).filter(Objects::nonNull).distinct().toList());
        }
        return publishers;
    }

    public PolicyKind getKind() {
        return kind;
    }

    public void setKind(PolicyKind kind) {
        this.kind = kind;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public LocalDate getEffective() {
        return effective;
    }

    public void setEffective(LocalDate effective) {
        this.effective = effective;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public boolean isMaterial() {
        return material;
    }

    public void setMaterial(boolean material) {
        this.material = material;
    }

    public String getPreviewHtml() {
        return previewHtml;
    }
}
