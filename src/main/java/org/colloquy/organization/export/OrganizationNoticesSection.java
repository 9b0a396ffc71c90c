package org.colloquy.organization.export;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.stream.JsonGenerator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.colloquy.privacy.export.ExportJson;
import org.colloquy.privacy.export.PersonalDataSection;

/**
 * The notices the member got from organizations that claim the domain of their email address, in
 * the export (P-ACCOUNT-3, P-CORP-1): which organization and domain, the address it was about, when
 * they were told and from when the organization sees them. Each time it did is under {@code disclosures}.
 */
@ApplicationScoped
public class OrganizationNoticesSection implements PersonalDataSection {

    private static final String[] FIELDS = {"organization", "domain", "email", "noticedAt", "accessFrom", "endedAt"};

    @PersistenceContext
    private EntityManager em;

    @Override
    public String name() {
        return "organization-notices";
    }

    @Override
    public int write(long memberId, JsonGenerator json) {
        List<Object[]> rows = em.createQuery("SELECT o.name, d.domain, n.email, n.noticedAt, n.accessFrom, n.endedAt"
                + " FROM OrganizationNotice n, OrganizationDomain d, Organization o"
                + " WHERE n.memberId = :member AND d.id = n.domainId AND o.id = n.organizationId ORDER BY n.id", Object[].class)
                .setParameter("member", memberId).getResultList();
        return ExportJson.objects(json, FIELDS, rows);
    }
}
