package org.colloquy.privacy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.mail.NotificationKind;
import org.colloquy.platform.security.Caller;

/**
 * A member's choices about marketing and notification mail (P-MARKETING-1). Marketing mail is a
 * consent, given and withdrawn through {@link ConsentService} so that it has the same history as
 * every other consent; each notification kind is an opt-out recorded as a new
 * {@link NotificationPreference} row. Account and security notices are not a choice and are not here.
 * The outbox asks these choices through {@link PrivacyMailPreferences} when it queues and sends.
 */
@Stateless
public class EmailPreferences {

    /** The version of the marketing notice the privacy centre shows; a new wording needs a new version. */
    public static final String MARKETING_NOTICE_VERSION = "marketing-email/1";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ConsentService consents;

    @Inject
    private Caller caller;

    /** The signed-in member's choices. */
    public EmailChoices mine() {
        return of(caller.requireMemberId());
    }

    public EmailChoices of(long memberId) {
        Set<NotificationKind> optedOut = EnumSet.noneOf(NotificationKind.class);
        Set<NotificationKind> seen = EnumSet.noneOf(NotificationKind.class);
        for (NotificationPreference change : changesOf(memberId)) {
            if (seen.add(change.kind()) && change.optedOut()) {
                optedOut.add(change.kind());
            }
        }
        return new EmailChoices(wantsMarketing(memberId), optedOut);
    }

    /**
     * Saves the signed-in member's choices. Only what differs from the choices in force is recorded:
     * a marketing consent given or withdrawn, a row for each kind switched off or on.
     *
     * @param via where the member chose ("Privacy centre")
     * @return the choices now in force
     */
    public EmailChoices saveMine(boolean marketing, Set<NotificationKind> optedOut, String via) {
        return save(caller.requireMemberId(), marketing, optedOut, via);
    }

    public EmailChoices save(long memberId, boolean marketing, Set<NotificationKind> optedOut, String via) {
        Objects.requireNonNull(via);
        EmailChoices before = of(memberId);
        if (marketing && !before.marketing()) {
            consents.give(memberId, ConsentRequest.of(ConsentPurpose.MARKETING_EMAIL, MARKETING_NOTICE_VERSION,
                    Texts.get("privacyCentre.email.marketing.notice"), via));
        } else if (!marketing && before.marketing()) {
            consents.withdrawAll(memberId, ConsentPurpose.MARKETING_EMAIL, null, via);
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Set<NotificationKind> wanted = optedOut == null ? Set.of() : optedOut;
        for (NotificationKind kind : NotificationKind.values()) {
            boolean off = wanted.contains(kind);
            if (off != before.optedOut().contains(kind)) {
                em.persist(new NotificationPreference(memberId, kind, off, now, via));
            }
        }
        return of(memberId);
    }

    /** Whether this member has a live marketing consent, read now. */
    public boolean wantsMarketing(long memberId) {
        return consents.live(memberId, ConsentPurpose.MARKETING_EMAIL, null).isPresent();
    }

    /** Whether the member's choice in force for this kind is "no", read now. */
    public boolean isOptedOut(long memberId, NotificationKind kind) {
        return em.createNamedQuery("NotificationPreference.newest", NotificationPreference.class)
                .setParameter("member", memberId).setParameter("kind", kind)
                .setMaxResults(1).getResultStream().findFirst()
                .map(NotificationPreference::optedOut).orElse(false);
    }

    /** Every change of the member's notification choices, newest first. */
    public List<NotificationPreference> changesOf(long memberId) {
        return em.createNamedQuery("NotificationPreference.ofMember", NotificationPreference.class)
                .setParameter("member", memberId).getResultList();
    }

    /** The member's notification choices, erased with their account (P-ACCOUNT-2). */
    public void eraseChoicesOf(long memberId) {
        em.createQuery("DELETE FROM NotificationPreference p WHERE p.memberId = :member").setParameter("member", memberId).executeUpdate();
    }
}
