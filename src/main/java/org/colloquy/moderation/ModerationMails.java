package org.colloquy.moderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.mail.MailCategory;
import org.colloquy.platform.mail.MailOutbox;
import org.colloquy.platform.mail.NotificationKind;
import org.colloquy.platform.web.Site;

/**
 * Mail about moderation, queued in the caller's transaction. An author is told what was done to
 * their post and why (the reason category and the moderator's words) as an account notice, which
 * they cannot opt out of: they need it to appeal. A flagger is told the outcome of their flag as a
 * notification ({@code MODERATION_OUTCOME}). Usernames only; no real name, no address of anyone else.
 */
@ApplicationScoped
public class ModerationMails {

    @Inject
    private MailOutbox outbox;

    @Inject
    private Site site;

    /** @param action the text key's last part: hidden, hiddenByFlags, deleted, edited, approved, restored, appealGranted, appealDenied */
    void toAuthor(String address, String action, FlagReason reason, String words, String topicTitle, String path, long postId) {
        String why = reason == null ? "" : Texts.get("moderation.reason." + reason.name());
        outbox.enqueue(MailCategory.ACCOUNT, address,
                Texts.get("moderation.mail.author." + action + ".subject", shorten(topicTitle)),
                Texts.get("moderation.mail.author." + action + ".body", topicTitle, site.getUrl() + path, why,
                        words == null ? "" : words, site.getUrl() + "/rules", site.getUrl() + "/forum/appeal?post=" + postId));
    }

    /** The author of a moved topic: from which forum to which, why, and that the address stays. */
    void moved(String address, org.colloquy.forum.ForumViews.MovedTopic moved, String words) {
        String title = moved.topic().title();
        outbox.enqueue(MailCategory.ACCOUNT, address, Texts.get("moderation.mail.author.moved.subject", shorten(title)),
                Texts.get("moderation.mail.author.moved.body", title, site.getUrl() + moved.topic().path(), moved.from(), moved.to(), words));
    }

    void flagOutcome(String address, Flag.Outcome outcome, String topicTitle, String path) {
        outbox.enqueueNotification(NotificationKind.MODERATION_OUTCOME, address,
                Texts.get("moderation.mail.flag.subject", shorten(topicTitle)),
                Texts.get("moderation.mail.flag." + outcome.name() + ".body", topicTitle, site.getUrl() + path,
                        site.getUrl() + "/privacy"));
    }

    private static String shorten(String text) {
        return text.length() <= 100 ? text : text.substring(0, 99).stripTrailing() + "…";
    }
}
