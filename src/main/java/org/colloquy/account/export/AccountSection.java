package org.colloquy.account.export;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.stream.JsonGenerator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.colloquy.account.Member;
import org.colloquy.account.Role;
import org.colloquy.privacy.export.ExportJson;
import org.colloquy.privacy.export.PersonalDataSection;
import org.colloquy.privacy.export.Withheld;

/**
 * The account itself in the member's export (P-ACCOUNT-3): one item with username, email, name,
 * dates, roles, standing (suspension, silence with their reasons, as mailed to the member),
 * former usernames and whether two-factor sign-in is on. Credentials (password hash, TOTP secret,
 * recovery codes, tokens) are never exported.
 */
@ApplicationScoped
public class AccountSection implements PersonalDataSection {

    @PersistenceContext
    private EntityManager em;

    @Override
    public String name() {
        return "account";
    }

    @Override
    public int write(long memberId, JsonGenerator json) {
        Member member = em.find(Member.class, memberId);
        if (member == null) {
            return 0;
        }
        Object[] row = em.createQuery("SELECT m.ageConfirmedAt, m.emailVerifiedAt, m.suspendedAt, m.totpEnabledAt"
                + " FROM Member m WHERE m.id = :id", Object[].class).setParameter("id", memberId).getSingleResult();
        json.writeStartObject();
        ExportJson.put(json, "id", member.id());
        ExportJson.put(json, "username", member.username());
        ExportJson.put(json, "email", member.email());
        ExportJson.put(json, "name", member.name());
        ExportJson.put(json, "createdAt", member.createdAt());
        ExportJson.put(json, "ageConfirmedAt", row[0]);
        ExportJson.put(json, "ageBand", "16 or older (confirmed when joining; the band itself is not kept)");
        ExportJson.put(json, "emailVerifiedAt", row[1]);
        json.writeStartArray("roles");
        member.roles().stream().map(Role::name).sorted().forEach(json::write);
        json.writeEnd();
        ExportJson.put(json, "twoFactorEnabled", member.hasTotp());
        ExportJson.put(json, "twoFactorEnabledAt", row[3]);
        ExportJson.put(json, "deactivatedAt", member.deactivatedAt());
        ExportJson.put(json, "suspendedAt", row[2]);
        ExportJson.put(json, "suspendedUntil", member.suspendedUntil());
        ExportJson.put(json, "suspensionReason", member.suspensionReason());
        ExportJson.put(json, "silencedUntil", member.silencedUntil());
        ExportJson.put(json, "silenceReason", member.silenceReason());
        json.writeStartArray("formerUsernames");
        for (Object[] former : em.createQuery("SELECT f.usernameKey, f.changedAt FROM FormerUsername f WHERE f.memberId = :id"
                + " ORDER BY f.changedAt", Object[].class).setParameter("id", memberId).getResultList()) {
            ExportJson.object(json, new String[] {"username", "changedAt"}, former);
        }
        json.writeEnd();
        json.writeEnd();
        return 1;
    }

    @Override
    public List<Withheld> withheld() {
        return List.of(
                new Withheld("Password hash, two-factor secret and recovery codes",
                        "Security credentials, never exported: with them someone could sign in as you."),
                new Withheld("Links sent by email (confirmation, password reset) and session identifiers",
                        "Security credentials, never exported; the sessions themselves are listed under \"sessions\"."),
                new Withheld("Sign-in attempt counters", "Kept for a short time to stop password guessing; not about you as a person."));
    }
}
