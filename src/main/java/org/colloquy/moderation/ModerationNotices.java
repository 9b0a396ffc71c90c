package org.colloquy.moderation;

import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.colloquy.forum.ForumViews;
import org.colloquy.notice.Notice;
import org.colloquy.notice.Notify;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.web.Site;

/**
 * The in-portal notices that go with moderation's mails (issue 7, decision 0039): the author of a
 * post is told what was done, why and how to appeal; a flagger the outcome; a sanctioned member the
 * sanction. Fired as {@link Notify} events in the deciding transaction, so the notice context keeps
 * them without moderation touching its tables. Unlike the mail, a notice is written whatever the
 * member's email state: it waits in their list.
 */
@ApplicationScoped
public class ModerationNotices {

    @Inject
    private Event<Notify> notify;

    @Inject
    private Site site;

    /**
     * @param action as for the mail: hidden, hiddenByFlags, deleted, edited, approved, restored,
     *               appealGranted, appealDenied
     */
    void toAuthor(long authorId, String action, FlagReason reason, String words, ForumViews.ModeratedPost post) {
        String why = reason == null ? "" : Texts.get("moderation.reason." + reason.name());
        boolean appealable = "hidden".equals(action) || "deleted".equals(action) || "edited".equals(action);
        Notice.Kind kind = action.startsWith("appeal") ? Notice.Kind.APPEAL : Notice.Kind.MODERATION;
        String title = post.topic().title();
        notify.fire(new Notify(authorId, kind, Texts.get("moderation.mail.author." + action + ".subject", title),
                Texts.get("moderation.notice.author." + action, title, why, words == null ? "" : words),
                post.path(), appealable ? "/forum/appeal?post=" + post.post().id() : null));
    }

    /** The author of a moved topic: from which forum to which, and the moderator's words. */
    void moved(long authorId, ForumViews.MovedTopic moved, String words) {
        String title = moved.topic().title();
        notify.fire(new Notify(authorId, Notice.Kind.MODERATION, Texts.get("moderation.mail.author.moved.subject", title),
                Texts.get("moderation.notice.author.moved", title, moved.from(), moved.to(), words), moved.topic().path(), null));
    }

    void flagOutcome(Collection<Long> flaggers, Flag.Outcome outcome, ForumViews.ModeratedPost post) {
        String title = post.topic().title();
        for (long flagger : flaggers) {
            notify.fire(new Notify(flagger, Notice.Kind.FLAG_OUTCOME, Texts.get("moderation.mail.flag.subject", title),
                    Texts.get("moderation.notice.flag." + outcome.name(), title), post.path(), null));
        }
    }

    /** @param what as the account mail's key: warned, silenced, suspended, silenceLifted, suspensionLifted */
    void sanction(long memberId, String what, String reason, String until) {
        notify.fire(new Notify(memberId, Notice.Kind.SANCTION,
                Texts.get("mail.sanction." + what + ".subject", site.getName(), "", reason, until == null ? "" : until),
                Texts.get("moderation.notice.sanction." + what, site.getName(), reason, until == null ? "" : until), "/rules", null));
    }
}
