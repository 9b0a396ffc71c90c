package org.colloquy.account;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;

import org.colloquy.account.security.MemberIdentityStore;
import org.colloquy.account.twofactor.RecoveryCodes;
import org.colloquy.account.twofactor.Totp;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.security.Caller;
import org.colloquy.platform.security.MemberPrincipal;
import org.colloquy.platform.throttle.Limit;
import org.colloquy.platform.throttle.Throttle;
import org.colloquy.platform.validation.InvalidInputException;

/**
 * Registration, email verification, sign-in and password reset: everything a person does with
 * their account before and while signing in. Answers never tell whether an email address is
 * registered: the pages say the same thing, and the mail goes only to the address's owner.
 * Attempts are throttled per client address and per account through {@link Throttle}.
 */
@Stateless
public class AccountService {

    static final Limit SIGN_IN_PER_ACCOUNT = new Limit("sign-in-account", 6, 30);
    static final Limit SIGN_IN_PER_ADDRESS = new Limit("sign-in-address", 20, 100);
    static final Limit REGISTER_PER_ADDRESS = new Limit("register-address", 6, 30);
    static final Limit RESET_PER_ADDRESS = new Limit("reset-address", 6, 30);
    static final Limit RESET_PER_EMAIL = new Limit("reset-email", 3, 10);
    static final Limit MAIL_PER_MEMBER = new Limit("account-mail", 3, 10);

    @Inject
    private MemberRepository members;

    @Inject
    private MemberSessions sessions;

    @Inject
    private PasswordHasher hasher;

    @Inject
    private MemberIdentityStore identityStore;

    @Inject
    private Totp totp;

    @Inject
    private Throttle throttle;

    @Inject
    private AccountMails mails;

    @Inject
    private FirstAdministrator firstAdministrator;

    @Inject
    private Caller caller;

    @Inject
    private AccountChecks checks;

    @Inject
    private PasswordPolicy passwordPolicy;

    @Inject
    private AccountTokens tokens;

    @Inject
    private Event<RegistrationSubmitted> submitted;

    @Inject
    private Event<MemberRegistered> registered;

    @Inject
    private Event<MemberAddressVerified> addressVerified;

    @Inject
    private Event<PublicMemberChanged> publicChanged;

    // ------------------------------------------------------------------ registration

    /**
     * Creates an unverified account and mails a verification link; or, when the email address is
     * already registered, mails its owner instead and answers exactly as if it were new. Other
     * contexts check the submission ({@link RegistrationSubmitted}) and record what joining implies
     * ({@link MemberRegistered}) in the same transaction.
     *
     * @throws InvalidInputException for a field a person must correct
     * @throws org.colloquy.platform.throttle.TooManyAttemptsException when this address registered too often
     */
    public void register(Registration registration, String clientAddress) {
        if (!AgeGate.allows(registration.countryCode(), registration.age())) {
            throw new IllegalArgumentException("Registration of someone under the minimum age must be refused before this");
        }
        throttle.attempt("register:" + clientAddress, REGISTER_PER_ADDRESS);
        Map<String, String> problems = new LinkedHashMap<>();
        String name = registration.name() == null ? "" : registration.name().strip();
        checks.name(name).ifPresent(problem -> problems.put("name", problem));
        checks.username(registration.username(), null).ifPresent(problem -> problems.put("username", problem));
        String email = registration.email() == null ? "" : registration.email().strip();
        if (!Emails.looksValid(email)) {
            problems.put("email", Texts.get("account.email.invalid"));
        }
        passwordPolicy.problem(new String(registration.password()), Texts.SITE_LOCALE,
                        name, registration.username(), email)
                .ifPresent(problem -> problems.put("password", problem));
        // Other contexts' checks (the privacy policy shown) come before any lookup, so that
        // their answer cannot tell a registered address from a new one.
        RegistrationSubmitted submission = new RegistrationSubmitted(registration.privacyPolicyVersion());
        submitted.fire(submission);
        submission.problems().forEach(problems::putIfAbsent);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String hash = hasher.hash(registration.password());
        Optional<Member> owner = members.findByEmail(email);
        if (owner.isPresent()) {
            mails.alreadyRegistered(owner.get().email());
            return;
        }
        Member member = new Member(name, registration.username(), email, hash, now());
        members.add(member);
        members.em().flush();
        registered.fire(new MemberRegistered(member.id(), registration.privacyPolicyVersion(), Texts.get("register.via")));
        sendVerification(member);
    }

    /** Mails a new verification link to the signed-in member, if their address is not verified yet. */
    public void resendVerification() {
        Member member = members.get(caller.requireMemberId());
        if (member.isEmailVerified()) {
            return;
        }
        throttle.attempt("account-mail:" + member.id(), MAIL_PER_MEMBER);
        sendVerification(member);
    }

    private void sendVerification(Member member) {
        mails.verifyEmail(member, tokens.create(member.id(), TokenPurpose.VERIFY_EMAIL, null));
    }

    /** @return the member whose address the link verified; empty when the link is unknown, used or expired */
    public Optional<Member> verifyEmail(String token) {
        return tokens.use(token, TokenPurpose.VERIFY_EMAIL).map(used -> {
            Member member = members.get(used.memberId());
            boolean first = !member.isEmailVerified();
            member.markEmailVerified(now());
            firstAdministrator.grantIfConfigured(member);
            if (first) {
                addressVerified.fire(new MemberAddressVerified(member.id(), member.email(), member.name(), null));
            }
            return member;
        });
    }

    // ------------------------------------------------------------------ sign-in

    /**
     * Checks a username-or-email and password. Throttled per account and per client address; a
     * throttled attempt is refused before the password is looked at.
     */
    public SignInResult signIn(String login, char[] password, String clientAddress) {
        String loginKey = "sign-in:" + (login == null ? "" : login.strip().toLowerCase(java.util.Locale.ROOT));
        String addressKey = "sign-in:" + clientAddress;
        Optional<Duration> wait = longest(throttle.retryAfter(loginKey, SIGN_IN_PER_ACCOUNT),
                throttle.retryAfter(addressKey, SIGN_IN_PER_ADDRESS));
        if (wait.isPresent()) {
            return SignInResult.throttled(wait.get());
        }
        CredentialValidationResult result = identityStore.validate(
                new UsernamePasswordCredential(login == null ? "" : login, new String(password)));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            throttle.record(loginKey);
            throttle.record(addressKey);
            return SignInResult.failed();
        }
        Member member = members.get(((MemberPrincipal) result.getCallerPrincipal()).memberId());
        if (member.isSuspended()) {
            return SignInResult.suspended(member);
        }
        if (member.isDeactivated()) {
            return SignInResult.deactivated(member.id());
        }
        return member.hasTotp() ? SignInResult.needsSecondFactor(member.id()) : SignInResult.signedIn(member.id());
    }

    /**
     * Reactivates an account its member deactivated, once {@link #signIn} has checked their password
     * and answered {@link SignInResult.Status#DEACTIVATED} (the web layer keeps that answer in the
     * session for a few minutes; nothing else calls this). The sign-in then goes on as usual, and pages
     * link the username again at their next view ({@link PublicMemberChanged}).
     *
     * @return signed in, or the second factor still to come; suspended if that happened meanwhile
     */
    public SignInResult reactivate(long memberId) {
        Member member = members.get(memberId);
        if (member.isSuspended()) {
            return SignInResult.suspended(member);
        }
        member.reactivate();
        publicChanged.fire(new PublicMemberChanged(member.id()));
        return member.hasTotp() ? SignInResult.needsSecondFactor(member.id()) : SignInResult.signedIn(member.id());
    }

    /**
     * The second step of a sign-in: a code from the member's authenticator app (each code once) or
     * one of their unused recovery codes.
     *
     * @return whether the code was accepted
     */
    public boolean checkSecondFactor(long memberId, String code) {
        throttle.attempt("second-factor:" + memberId, SIGN_IN_PER_ACCOUNT);
        Member member = members.get(memberId);
        if (!member.hasTotp() || code == null || code.isBlank()) {
            return false;
        }
        OptionalLong step = totp.verify(member.totpSecret(), code, member.totpLastStep());
        if (step.isPresent()) {
            member.useTotpStep(step.getAsLong());
            return true;
        }
        Optional<RecoveryCode> recovery = members.em().createNamedQuery("RecoveryCode.findUnused", RecoveryCode.class)
                .setParameter("member", memberId)
                .setParameter("hash", RecoveryCodes.hash(code))
                .getResultStream().findFirst();
        recovery.ifPresent(used -> used.use(now()));
        return recovery.isPresent();
    }

    // ------------------------------------------------------------------ password reset

    /** Mails a reset link when the address belongs to a member; answers the same either way. */
    public void requestPasswordReset(String email, String clientAddress) {
        throttle.attempt("reset:" + clientAddress, RESET_PER_ADDRESS);
        String address = email == null ? "" : email.strip();
        throttle.attempt("reset:" + Emails.key(address), RESET_PER_EMAIL);
        members.findByEmail(address).ifPresent(member -> {
            mails.resetPassword(member, tokens.create(member.id(), TokenPurpose.RESET_PASSWORD, null));
        });
    }

    /** @return whether a reset link can still be used, so the page can say so before asking for a password */
    public boolean isUsable(String token, TokenPurpose purpose) {
        return tokens.usable(token, purpose).isPresent();
    }

    /**
     * Sets a new password through a reset link and ends every session of the member.
     *
     * @return false when the link is unknown, used or expired
     * @throws InvalidInputException when the new password is refused (the link stays usable)
     */
    public boolean resetPassword(String token, char[] newPassword) {
        Optional<AccountToken> found = tokens.usable(token, TokenPurpose.RESET_PASSWORD);
        if (found.isEmpty()) {
            return false;
        }
        Member member = members.get(found.get().memberId());
        checks.requirePassword("password", newPassword, member);
        found.get().use(now());
        member.changePasswordHash(hasher.hash(newPassword));
        // Whoever could read the mail could open it: that proves the address too.
        member.markEmailVerified(now());
        firstAdministrator.grantIfConfigured(member);
        sessions.endAll(member.id());
        mails.passwordChanged(member);
        return true;
    }

    private static Optional<Duration> longest(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() || a.get().compareTo(b.get()) >= 0 ? a : b;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
