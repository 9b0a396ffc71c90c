package org.colloquy.account;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.mail.MailCategory;
import org.colloquy.platform.mail.MailOutbox;
import org.colloquy.platform.web.Site;

/**
 * The account notices Colloquy mails: links to verify an address, reset a password or confirm a
 * new address, and notices of changes. All are {@link MailCategory#ACCOUNT} mail, sent whatever a
 * member chose about newsletters (promise P-MARKETING-1). They join the caller's transaction, so a
 * mail exists only when the change it speaks of was saved.
 */
@ApplicationScoped
public class AccountMails {

    @Inject
    private MailOutbox outbox;

    @Inject
    private Site site;

    void verifyEmail(Member member, String token) {
        send(member.email(), "mail.verify", member.name(), link("/verify", token));
    }

    /** To an address that already has an account: the form said nothing, the mail tells its owner. */
    void alreadyRegistered(String email) {
        send(email, "mail.alreadyRegistered", link("/sign-in", null), link("/forgot-password", null));
    }

    void resetPassword(Member member, String token) {
        send(member.email(), "mail.reset", member.name(), link("/reset-password", token));
    }

    void passwordChanged(Member member) {
        send(member.email(), "mail.passwordChanged", member.name(), link("/forgot-password", null));
    }

    void confirmNewEmail(Member member, String newEmail, String token) {
        send(newEmail, "mail.confirmEmail", member.name(), link("/confirm-email", token));
    }

    void newEmailTaken(String newEmail) {
        send(newEmail, "mail.emailTaken", link("/sign-in", null));
    }

    void emailChangedNotice(Member member, String oldEmail) {
        send(oldEmail, "mail.emailChanged", member.name(), member.email());
    }

    void suspended(Member member, String reason) {
        send(member.email(), "mail.suspended", member.name(), reason);
    }

    void reinstated(Member member) {
        send(member.email(), "mail.reinstated", member.name(), link("/sign-in", null));
    }

    /** A moderator's sanction (issue 7): {@code what} is warned, silenced, suspended, silenceLifted or suspensionLifted. */
    void sanction(Member member, String what, String reason, String until) {
        send(member.email(), "mail.sanction." + what, member.username(), reason, until == null ? "" : until,
                link("/rules", null));
    }

    /**
     * The last mail to a member who deleted their account (P-ACCOUNT-2): what was done and what was
     * kept, from {@link DeletionTerms}, queued while the address is still known.
     */
    /** @return the id of the last mail in the outbox, to erase it when its keeping period ends */
    Long deleted(Member member, boolean keepPosts, int quarantineDays) {
        StringBuilder terms = new StringBuilder();
        for (DeletionTerms.Term term : DeletionTerms.ALL) {
            String text = term.fate() == DeletionTerms.Fate.CHOSEN
                    ? Texts.get(keepPosts ? "deletion.posts.keep" : "deletion.posts.delete")
                    : Texts.get(term.messageKey(), quarantineDays);
            terms.append("- ").append(text).append('\n');
        }
        outbox.forget(member.email());
        send(member.email(), "deletion.mail", member.name(), terms.toString());
        return outbox.newestTo(member.email().strip()).orElse(null);
    }

    private void send(String to, String key, Object... args) {
        Object[] withSite = new Object[args.length + 1];
        withSite[0] = site.getName();
        System.arraycopy(args, 0, withSite, 1, args.length);
        outbox.enqueue(MailCategory.ACCOUNT, to, Texts.get(key + ".subject", withSite), Texts.get(key + ".body", withSite));
    }

    private String link(String path, String token) {
        return site.getUrl() + path + (token == null ? "" : "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }
}
