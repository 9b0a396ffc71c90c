package org.colloquy.account;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.logging.Logger;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.security.Caller;
import org.colloquy.platform.throttle.Throttle;
import org.colloquy.platform.validation.InvalidInputException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes a member's account at their own request (P-ACCOUNT-2), in one transaction: after the
 * password (and the second factor, when the member has one) is checked, {@link MemberDeleting} lets
 * every context remove or anonymise what it holds, the last mail is queued to the address while it
 * is still known, and the member row becomes an anonymous tombstone whose username is held for
 * {@code colloquy.account.username-quarantine-days}. What happens to each kind of data is
 * {@link DeletionTerms}. Only the member themself can ask: {@link #deleteMine} takes the id from
 * {@link Caller}, and {@link #delete} needs the member's own password, which staff do not have.
 */
@Stateless
public class AccountDeletion {

    /** Field names of refused input, as on the page. */
    public static final String PASSWORD = "currentPassword";
    public static final String CODE = "code";

    private static final Logger LOG = Logger.getLogger(AccountDeletion.class.getName());

    @Inject
    private MemberRepository members;

    @Inject
    private PasswordHasher hasher;

    @Inject
    private Throttle throttle;

    @Inject
    private AccountService accounts;

    @Inject
    private AccountMails mails;

    @Inject
    private Caller caller;

    @Inject
    private Event<MemberDeleting> deleting;

    @Inject
    @ConfigProperty(name = "colloquy.account.username-quarantine-days", defaultValue = "30")
    private int quarantineDays;

    /** How long the username of a deleted account is refused to everyone, as configured. */
    public int quarantineDays() {
        return Math.max(0, quarantineDays);
    }

    /** Whether deleting this member's account asks for a code: they sign in with a second factor. */
    public boolean asksForCode(long memberId) {
        return members.find(memberId).map(Member::hasTotp).orElse(false);
    }

    /** Deletes the signed-in member's account; see {@link #delete}. */
    @RolesAllowed("MEMBER")
    public void deleteMine(char[] password, String code, boolean keepPosts) {
        delete(caller.requireMemberId(), password, code, keepPosts);
    }

    /**
     * Deletes this member's account when the password (and the second factor, if the member has
     * one) is theirs. Nothing changes when either is refused.
     *
     * @throws InvalidInputException on {@link #PASSWORD} or {@link #CODE}
     */
    public void delete(long memberId, char[] password, String code, boolean keepPosts) {
        Member member = members.get(memberId);
        if (member.isDeleted()) {
            throw new NoSuchMemberException("Member " + memberId + " is deleted");
        }
        throttle.attempt("password-check:" + memberId, AccountService.SIGN_IN_PER_ACCOUNT);
        if (password == null || password.length == 0 || !member.checkPassword(password, hasher)) {
            throw new InvalidInputException(PASSWORD, Texts.get("account.currentPassword.wrong"));
        }
        if (member.hasTotp() && !accounts.checkSecondFactor(memberId, code)) {
            throw new InvalidInputException(CODE, Texts.get("deletion.code.wrong"));
        }
        erase(member, keepPosts, mails.deleted(member, keepPosts, quarantineDays()));
        LOG.info(() -> "Account " + memberId + " deleted at the member's request; posts " + (keepPosts ? "kept" : "deleted"));
    }

    /**
     * Deletes an account a privacy officer confirmed is a child's (P-CHILD-1: such data is deleted when
     * discovered): as a member's own deletion with the posts deleted, without a password and without a
     * last mail to the child's address (the reporter is told by the rights context). The officer is
     * checked again here, against the database, as every path to this method must be an officer's.
     */
    public void eraseUnderAge(long officerId, long memberId) {
        boolean officer = members.find(officerId)
                .map(m -> m.roles().contains(Role.PRIVACY_OFFICER) || m.roles().contains(Role.ADMIN)).orElse(false);
        if (!officer) {
            throw new SecurityException("Only a privacy officer or an administrator deletes an account for an under-age report");
        }
        Member member = members.get(memberId);
        if (member.isDeleted()) {
            return;
        }
        erase(member, false, null);
        LOG.info(() -> "Account " + memberId + " deleted: a confirmed under-age report");
    }

    private void erase(Member member, boolean keepPosts, Long lastMail) {
        long memberId = member.id();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        deleting.fire(new MemberDeleting(memberId, keepPosts, usernames(member, now)));
        holdUsernames(member, now);
        var em = members.em();
        em.createQuery("DELETE FROM MemberSession s WHERE s.memberId = :id").setParameter("id", memberId).executeUpdate();
        em.createQuery("DELETE FROM AccountToken t WHERE t.memberId = :id").setParameter("id", memberId).executeUpdate();
        em.createQuery("DELETE FROM RecoveryCode r WHERE r.memberId = :id").setParameter("id", memberId).executeUpdate();
        member.anonymise(now, lastMail);
    }

    /** The current username and those {@link #holdUsernames} holds with it, in lower case. */
    private java.util.Set<String> usernames(Member member, OffsetDateTime now) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        names.add(Usernames.key(member.username()));
        names.addAll(members.em().createQuery("SELECT f.usernameKey FROM FormerUsername f WHERE f.memberId = :id AND f.changedAt > :since",
                String.class).setParameter("id", member.id()).setParameter("since", now.minusDays(30)).getResultList());
        return names;
    }

    /**
     * The current username, and any given up in the last 30 days, lead nowhere from now on and are
     * refused to everyone until the quarantine ends ({@link AccountRetention} frees them).
     */
    private void holdUsernames(Member member, OffsetDateTime now) {
        OffsetDateTime until = now.plusDays(quarantineDays());
        members.em().createQuery("UPDATE FormerUsername f SET f.heldUntil = :until WHERE f.memberId = :id AND f.changedAt > :since")
                .setParameter("until", until).setParameter("id", member.id()).setParameter("since", now.minusDays(30))
                .executeUpdate();
        members.em().createQuery("DELETE FROM FormerUsername f WHERE f.memberId = :id AND f.heldUntil IS NULL")
                .setParameter("id", member.id()).executeUpdate();
        members.add(FormerUsername.held(member.username(), member.id(), now, until));
    }
}
