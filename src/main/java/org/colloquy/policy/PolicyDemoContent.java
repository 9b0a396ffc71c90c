package org.colloquy.policy;

import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.colloquy.platform.demo.DemoContent;

/**
 * Version 1 of each policy document in demo mode, in force from the day of seeding, published by
 * the system. The texts say what Colloquy does; an operator replaces them with their own.
 */
@ApplicationScoped
public class PolicyDemoContent implements DemoContent {

    static final String PRIVACY = """
            This policy says what personal data this community keeps about you, why, who can see it,
            and what you can do about it. It is written for people, not lawyers.

            ## What we keep

            - **Your account:** your name, a username, your email address and your password (stored
              only as a salted hash). Nothing else is required to join.
            - **Whether you passed the age check** when you joined. Your country and age band are used
              for the check and not kept.
            - **What you post** and the settings you choose.
            - **Your consents:** each consent you give is recorded with the exact words you were shown,
              its version, when and where you gave it, and when you withdrew it.

            ## Who sees what

            - In the forums only your **username** and what you post are public. Your real name and
              email are never shown to other members unless you choose a full public profile.
            - Your email, name, job title and organization go to a sponsor of an event **only if you
              tick the box** for that sponsor and those fields.
            - When a workgroup releases a document, the name, email and company of each active
              participant are published with it. You are told before it happens and can correct it.
            - A testimonial shows your name only with your consent, which you can withdraw at any time.

            ## The disclosure ledger

            Every time your personal data goes to a third party or to the public, it is recorded:
            who received which data, when, and on what basis (your consent or a clause of this
            policy). You can read that record about yourself.

            ## Your choices and rights

            - Correct your information at any time in your account settings.
            - Withdraw a consent at any time. Withdrawal stops all later use; it does not undo what
              was lawfully done before.
            - Export everything we hold about you in a machine-readable file.
            - Deactivate or delete your account. Some content may stay visible where others copied or
              quoted it, and some records are kept where the law requires; we tell you which and why.
            - Ask for removal of your personal information from forums or testimonials. When it cannot
              be removed, we tell you that and why. We answer requests within 30 days.

            ## Email

            Account and security notices (such as this policy changing) always reach you. Newsletters
            and other promotional mail only with your consent, and you can stop them at any time.

            ## Cookies

            We set only the cookies the site strictly needs; see the [cookie notice](/cookies).

            ## Changes to this policy

            Every version of this policy is kept at its own address with its "Updated" date and a
            summary of what changed. A material change is mailed to every member and announced on
            the home page before it takes effect, and we ask you to accept it.
            """;

    static final String RULES = """
            Posts express only the views of their authors. To keep the forums useful and safe, you may
            not post:

            - knowingly false or defamatory material;
            - abusive, vulgar, hateful or harassing material;
            - obscene, profane or sexually oriented material;
            - threatening material;
            - material that invades someone's privacy;
            - unlawful material;
            - copyrighted material without the permission of its owner;
            - advertisements, chain letters, pyramid schemes or solicitations.

            You accept these rules before your first post. A forum may add conditions of its own,
            shown on that forum's page.

            ## Moderation

            Moderators and administrators watch the content and appearance of messages, though not
            every message can be reviewed as it is posted. Anyone can flag a post for one of the
            reasons above. Moderators may hide, edit (with a reason) or move posts, and may restrict
            an account; every such action is recorded.
            """;

    static final String COOKIES = """
            This site sets only the cookies it strictly needs to work. It sets no cookie for visitors
            who only read, uses no analytics or advertising cookies, and loads nothing from other sites.

            You can refuse cookies in your browser. Reading still works; signing in and forms need
            the session cookie.
            """;

    @Inject
    private PolicyPublisher publisher;

    @Override
    public String name() {
        return "policy-documents";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public void seed() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        publisher.publish(new PolicyDraft(PolicyKind.PRIVACY_POLICY, PRIVACY, today, null, false), null);
        publisher.publish(new PolicyDraft(PolicyKind.FORUM_RULES, RULES, today, null, false), null);
        publisher.publish(new PolicyDraft(PolicyKind.COOKIE_NOTICE, COOKIES, today, null, false), null);
    }
}
