package org.colloquy.privacy.export;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.stream.JsonGenerator;

import org.colloquy.account.MemberAddresses;
import org.colloquy.platform.mail.MailCopy;
import org.colloquy.platform.mail.MailOutbox;
import org.colloquy.platform.mail.NotificationKind;

/**
 * The mails queued to the member's address, in the export (P-ACCOUNT-3): subject, category, when
 * queued and sent, and what became of each; the body too, except where it quotes other people
 * (replies, mentions, watched topics, workgroup activity carry other members' posts and names) and
 * with the codes of single-use links blanked (credentials). Read from the platform's outbox through
 * {@link MailOutbox}, by keyset in pages, so thousands of mails cost a few queries. Only mails to the
 * address the account has now: the outbox knows addresses, not accounts (decision 0037).
 */
@ApplicationScoped
public class MailsSection implements PersonalDataSection {

    private static final int PAGE = 500;

    /** Notifications whose body quotes other members: their posts, names and usernames. */
    static final Set<NotificationKind> QUOTING_OTHERS = EnumSet.of(NotificationKind.FORUM_REPLY, NotificationKind.FORUM_MENTION,
            NotificationKind.WATCHED_TOPIC, NotificationKind.WORKGROUP_ACTIVITY);

    /** The code of a single-use link ({@code ?token=...}, {@code &token=...}). */
    static final Pattern LINK_CODE = Pattern.compile("([?&]token=)[A-Za-z0-9_%.~-]+");

    private static final String[] FIELDS = {"id", "subject", "category", "notificationKind", "queuedAt", "sentAt", "status",
            "notSentReason", "body", "bodyWithheld"};

    @Inject
    private MemberAddresses addresses;

    @Inject
    private MailOutbox outbox;

    @Override
    public String name() {
        return "mails";
    }

    @Override
    public int write(long memberId, JsonGenerator json) {
        MemberAddresses.Address address = addresses.contacts(List.of(memberId)).get(memberId);
        if (address == null) {
            return 0;
        }
        int count = 0;
        long after = 0;
        List<MailCopy> page;
        do {
            page = outbox.to(address.email(), after, PAGE);
            for (MailCopy mail : page) {
                boolean quotesOthers = mail.notificationKind() != null && QUOTING_OTHERS.contains(mail.notificationKind());
                ExportJson.object(json, FIELDS, new Object[] {mail.id(), mail.subject(), mail.category().name(),
                        mail.notificationKind() == null ? null : mail.notificationKind().name(), mail.queuedAt(), mail.sentAt(),
                        mail.status(), mail.suppressedReason(), quotesOthers ? null : blankLinkCodes(mail.bodyText()),
                        quotesOthers ? "quotes other members" : null});
                after = mail.id();
                count++;
            }
        } while (page.size() == PAGE);
        return count;
    }

    /** The body with the code of every single-use link replaced by {@code WITHHELD}. */
    static String blankLinkCodes(String body) {
        return LINK_CODE.matcher(body).replaceAll("$1WITHHELD");
    }

    @Override
    public List<Withheld> withheld() {
        return List.of(
                new Withheld("The text of notification mails about other members' posts (replies, mentions, watched topics,"
                        + " workgroup activity)", "They quote other members' posts and names; their subject, date and status are included"),
                new Withheld("The codes of single-use links in mails (address confirmation, password reset, claims)",
                        "Security credentials, never exported; the rest of each mail is included"),
                new Withheld("Mails to an address your account no longer has",
                        "The outbox knows addresses, not accounts, and a former address may now be someone else's"));
    }
}
