package org.colloquy.account;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.colloquy.account.twofactor.RecoveryCodes;
import org.colloquy.account.twofactor.Totp;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.security.Caller;
import org.colloquy.platform.validation.InvalidInputException;

/**
 * The caller's second factor: an authenticator app (TOTP) confirmed with a first code, and ten
 * single-use recovery codes shown once. Turning it off or making new codes needs the password.
 */
@Stateless
public class TwoFactorService {

    @Inject
    private MemberRepository members;

    @Inject
    private Totp totp;

    @Inject
    private AccountSettingsService settings;

    @Inject
    private Caller caller;

    /**
     * Turns on the second factor with a secret the member's app now holds, proven by a current code.
     *
     * @return the recovery codes, to be shown once
     * @throws InvalidInputException on field {@code code} when the code does not match
     */
    public List<String> enable(String secret, String code) {
        Member member = members.get(caller.requireMemberId());
        OptionalLong step = totp.verify(secret, code, 0);
        if (step.isEmpty()) {
            throw new InvalidInputException("code", Texts.get("twoFactor.code.wrong"));
        }
        member.enableTotp(secret, step.getAsLong(), OffsetDateTime.now(ZoneOffset.UTC));
        return newRecoveryCodes(member);
    }

    /** @throws InvalidInputException on field {@code currentPassword} when the password is wrong */
    public void disable(char[] currentPassword) {
        Member member = members.get(caller.requireMemberId());
        settings.requireCurrentPassword(member, currentPassword);
        member.disableTotp();
        members.em().createNamedQuery("RecoveryCode.deleteAll").setParameter("member", member.id()).executeUpdate();
    }

    /** Replaces every recovery code; the old ones stop working. */
    public List<String> regenerateRecoveryCodes(char[] currentPassword) {
        Member member = members.get(caller.requireMemberId());
        settings.requireCurrentPassword(member, currentPassword);
        return newRecoveryCodes(member);
    }

    public long unusedRecoveryCodes() {
        return members.em().createNamedQuery("RecoveryCode.countUnused", Long.class)
                .setParameter("member", caller.requireMemberId()).getSingleResult();
    }

    private List<String> newRecoveryCodes(Member member) {
        members.em().createNamedQuery("RecoveryCode.deleteAll").setParameter("member", member.id()).executeUpdate();
        List<String> codes = RecoveryCodes.generate();
        codes.forEach(code -> members.add(new RecoveryCode(member.id(), RecoveryCodes.hash(code))));
        return codes;
    }
}
