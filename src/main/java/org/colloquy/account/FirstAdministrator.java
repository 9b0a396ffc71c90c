package org.colloquy.account;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The first administrator of a fresh community: the member whose verified email address is
 * {@code colloquy.admin.email} ({@code COLLOQUY_ADMIN_EMAIL}; several addresses may be given,
 * separated by commas) gets the ADMIN role, recorded in the
 * staff log as done by the system. An unverified account never does, so registering someone
 * else's address gains nothing. Checked whenever an address becomes verified, and once at start-up
 * (for an address configured after its account was verified).
 */
@ApplicationScoped
public class FirstAdministrator {

    @Inject
    private MemberRepository members;

    @Inject
    @ConfigProperty(name = "colloquy.admin.email")
    private Optional<String> adminEmail;

    /** At start-up: the configured address may belong to an account verified before it was configured. */
    public void grantToExistingAccount() {
        configured().stream().map(members::findByEmail).flatMap(Optional::stream).forEach(this::grantIfConfigured);
    }

    private java.util.List<String> configured() {
        return adminEmail.stream().flatMap(list -> java.util.Arrays.stream(list.split(",")))
                .map(String::strip).filter(email -> !email.isEmpty()).toList();
    }

    /** Called in the transaction that verified the member's address. */
    public void grantIfConfigured(Member member) {
        if (!member.isEmailVerified() || configured().stream().noneMatch(email -> Emails.key(email).equals(Emails.key(member.email())))) {
            return;
        }
        if (member.grant(Role.ADMIN)) {
            members.add(new StaffAction(null, member.id(), StaffAction.Kind.GRANT_ROLE, Role.ADMIN.name(),
                    "COLLOQUY_ADMIN_EMAIL names this address", OffsetDateTime.now(ZoneOffset.UTC)));
        }
    }
}
