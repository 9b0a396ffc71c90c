package org.colloquy.forum;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.mail.MailOutbox;
import org.colloquy.platform.mail.NotificationKind;
import org.colloquy.platform.web.Site;

/**
 * The forum's notification mails, queued through the outbox in the caller's transaction: a mention
 * ({@code FORUM_MENTION}) and the batch of new posts in a watched topic ({@code WATCHED_TOPIC}).
 * Names in them are usernames only (P-FORUM-1); post texts are plain text; links are absolute.
 */
@ApplicationScoped
public class ForumMails {

    /** Posts listed in one watch mail; the rest are counted. */
    static final int LISTED = 10;

    /** The start of a post's text that a mail quotes. */
    static final int EXCERPT = 200;

    @Inject
    private MailOutbox outbox;

    @Inject
    private Site site;

    void mention(String to, String author, Topic topic, Post post) {
        outbox.enqueueNotification(NotificationKind.FORUM_MENTION, to,
                Texts.get("forum.mention.mail.subject", author, shorten(topic.title(), 120)),
                Texts.get("forum.mention.mail.body", author, topic.title(), excerpt(post.bodyHtml()), link(topic, post),
                        site.getUrl() + "/privacy"));
    }

    /** The author of a quoted post is told of the reply that quotes it. */
    void reply(String to, String author, Topic topic, Post post) {
        outbox.enqueueNotification(NotificationKind.FORUM_REPLY, to,
                Texts.get("forum.reply.mail.subject", author, shorten(topic.title(), 120)),
                Texts.get("forum.reply.mail.body", author, topic.title(), excerpt(post.bodyHtml()), link(topic, post),
                        site.getUrl() + "/privacy"));
    }

    /** One mail for new posts of one topic; {@code names} maps author ids to usernames. */
    void watched(String to, Topic topic, ForumCategory category, List<Post> posts, Map<Long, String> names, boolean categoryWatch) {
        StringBuilder text = new StringBuilder(Texts.get(categoryWatch ? "forum.watch.mail.introCategory" : "forum.watch.mail.intro",
                topic.title(), category.name())).append("\n\n");
        for (Post post : posts.subList(0, Math.min(LISTED, posts.size()))) {
            String who = names.get(post.authorId());
            text.append(Texts.get("forum.watch.mail.post", who == null ? Texts.get("forum.formerMember") : who, post.number()))
                    .append('\n').append(excerpt(post.bodyHtml())).append('\n').append(link(topic, post)).append("\n\n");
        }
        if (posts.size() > LISTED) {
            text.append(Texts.get("forum.watch.mail.more", posts.size() - LISTED)).append("\n\n");
        }
        text.append(Texts.get("forum.watch.mail.footer", site.getUrl() + topic.path(), site.getUrl() + "/privacy"));
        outbox.enqueueNotification(NotificationKind.WATCHED_TOPIC, to, Texts.get("forum.watch.mail.subject", shorten(topic.title(), 120)),
                text.toString());
    }

    private String link(Topic topic, Post post) {
        return site.getUrl() + topic.path(post.page()) + "#post-" + post.number();
    }

    /** The start of a post as plain text: tags dropped, the entities the sanitizer writes decoded, spaces folded. */
    static String excerpt(String html) {
        String text = html.replaceAll("<[^>]*>", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&#34;", "\"").replace("&#64;", "@").replace("&#61;", "=").replace("&#43;", "+")
                .replace("&#96;", "`").replace("&amp;", "&").replaceAll("\\s+", " ").strip();
        return shorten(text, EXCERPT);
    }

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1).stripTrailing() + "…";
    }
}
