package org.colloquy.account;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.security.Caller;
import org.colloquy.platform.throttle.Throttle;
import org.colloquy.platform.validation.InvalidInputException;

/**
 * What a signed-in member changes about their own account (promise P-ACCOUNT-1): name, username,
 * email address and password. Every method acts on the caller and no one else. Changing the email
 * address takes effect only when the new address confirms it, and the old address is told.
 */
@Stateless
public class AccountSettingsService {

    @Inject
    private MemberRepository members;

    @Inject
    private MemberSessions sessions;

    @Inject
    private PasswordHasher hasher;

    @Inject
    private AccountChecks checks;

    @Inject
    private AccountTokens tokens;

    @Inject
    private AccountMails mails;

    @Inject
    private Throttle throttle;

    @Inject
    private jakarta.enterprise.event.Event<MemberAddressVerified> addressVerified;

    @Inject
    private jakarta.enterprise.event.Event<PublicMemberChanged> publicChanged;

    @Inject
    private Caller caller;

    @Inject
    private FirstAdministrator firstAdministrator;

    public Member me() {
        return members.get(caller.requireMemberId());
    }

    public void changeName(String name) {
        checks.name(name).ifPresent(problem -> {
            throw new InvalidInputException("name", problem);
        });
        me().rename(name);
    }

    /**
     * The old username keeps pointing to the member, and stays theirs, for 30 days. Pages that show
     * the member by username show the new one at their next view ({@link PublicMemberChanged}).
     */
    public void changeUsername(String username) {
        Member member = me();
        if (username != null && username.equals(member.username())) {
            return;
        }
        checks.username(username, member.id()).ifPresent(problem -> {
            throw new InvalidInputException("username", problem);
        });
        if (!Usernames.key(username).equals(Usernames.key(member.username()))) {
            members.add(new FormerUsername(member.username(), member.id(), now()));
        }
        member.changeUsername(username);
        publicChanged.fire(new PublicMemberChanged(member.id()));
    }

    /**
     * Mails a confirmation link to the new address (or, when that address already has an account,
     * a notice saying so, without telling the requester). Needs the current password.
     */
    public void requestEmailChange(String newEmail, char[] currentPassword) {
        Member member = me();
        requireCurrentPassword(member, currentPassword);
        String email = newEmail == null ? "" : newEmail.strip();
        if (!Emails.looksValid(email)) {
            throw new InvalidInputException("email", Texts.get("account.email.invalid"));
        }
        if (Emails.key(email).equals(Emails.key(member.email()))) {
            throw new InvalidInputException("email", Texts.get("account.email.same"));
        }
        throttle.attempt("account-mail:" + member.id(), AccountService.MAIL_PER_MEMBER);
        Optional<Member> owner = members.findByEmail(email);
        if (owner.isPresent()) {
            mails.newEmailTaken(owner.get().email());
            return;
        }
        mails.confirmNewEmail(member, email, tokens.create(member.id(), TokenPurpose.CHANGE_EMAIL, email));
    }

    /**
     * Moves the account to the address the link was sent to, and tells the old address.
     *
     * @return the member, or empty when the link is unknown, used, expired, or the address was taken meanwhile
     */
    public Optional<Member> confirmEmailChange(String token) {
        Optional<AccountToken> used = tokens.use(token, TokenPurpose.CHANGE_EMAIL);
        if (used.isEmpty() || members.findByEmail(used.get().newEmail()).isPresent()) {
            return Optional.empty();
        }
        Member member = members.get(used.get().memberId());
        String oldEmail = member.email();
        String oldVerified = member.isEmailVerified() ? oldEmail : null;
        member.changeEmail(used.get().newEmail());
        member.markEmailVerified(now());
        firstAdministrator.grantIfConfigured(member);
        addressVerified.fire(new MemberAddressVerified(member.id(), member.email(), member.name(), oldVerified));
        mails.emailChangedNotice(member, oldEmail);
        return Optional.of(member);
    }

    /** Needs the current password; ends every other session of the member. */
    public void changePassword(char[] currentPassword, char[] newPassword, String keepSessionId) {
        Member member = me();
        requireCurrentPassword(member, currentPassword);
        checks.requirePassword("newPassword", newPassword, member);
        member.changePasswordHash(hasher.hash(newPassword));
        sessions.endAllBut(member.id(), keepSessionId);
        mails.passwordChanged(member);
    }

    /**
     * Deactivates the caller's account (P-ACCOUNT-2) after checking their password: the profile page
     * disappears, posts stay under the username without a link, no notification is sent, every
     * session ends. Signing in again offers reactivation. Deleting is a different request. Pages that
     * link the username drop the link at their next view ({@link PublicMemberChanged}).
     *
     * @throws InvalidInputException on field {@code currentPassword} when the password is wrong
     */
    public void deactivate(char[] currentPassword) {
        Member member = me();
        requireCurrentPassword(member, currentPassword);
        member.deactivate(now());
        sessions.endAll(member.id());
        publicChanged.fire(new PublicMemberChanged(member.id()));
    }

    void requireCurrentPassword(Member member, char[] password) {
        throttle.attempt("password-check:" + member.id(), AccountService.SIGN_IN_PER_ACCOUNT);
        if (password == null || !member.checkPassword(password, hasher)) {
            throw new InvalidInputException("currentPassword", Texts.get("account.currentPassword.wrong"));
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
