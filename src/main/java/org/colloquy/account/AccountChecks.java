package org.colloquy.account;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.validation.InvalidInputException;

/** The checks registration and account settings share, each answering with a message a person can act on. */
@ApplicationScoped
public class AccountChecks {

    @Inject
    private MemberRepository members;

    @Inject
    private PasswordPolicy passwordPolicy;

    public Optional<String> name(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of(Texts.get("account.name.required"));
        }
        if (name.strip().length() > Member.NAME_LENGTH) {
            return Optional.of(Texts.get("account.name.tooLong", Member.NAME_LENGTH));
        }
        return Optional.empty();
    }

    /**
     * Rules, reserved names, and uniqueness against members, usernames given up in the last 30 days
     * and usernames of deleted accounts still held.
     */
    public Optional<String> username(String username, Long exceptMemberId) {
        String value = username == null ? "" : username;
        Optional<String> rule = Usernames.problemKey(value).map(key -> Texts.get(key, Usernames.MIN, Usernames.MAX));
        if (rule.isPresent()) {
            return rule;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        boolean taken = members.findByUsername(value).filter(m -> !m.id().equals(exceptMemberId)).isPresent()
                || members.findRecentFormer(value, now).filter(f -> !f.memberId().equals(exceptMemberId)).isPresent();
        if (taken) {
            return Optional.of(Texts.get("account.username.taken"));
        }
        return members.isHeld(value, now) ? Optional.of(Texts.get("deletion.username.held")) : Optional.empty();
    }

    /** @throws InvalidInputException on {@code field} when the password is too short, too long or too easy to guess */
    public void requirePassword(String field, char[] password, Member member) {
        passwordPolicy.problem(new String(password), Texts.SITE_LOCALE, member.name(), member.username(), member.email())
                .ifPresent(problem -> {
                    throw new InvalidInputException(field, problem);
                });
    }
}
