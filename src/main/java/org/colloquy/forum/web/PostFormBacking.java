package org.colloquy.forum.web;

import java.io.Serializable;

import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.forum.ForumCategory;
import org.colloquy.forum.ForumRulesRequiredException;
import org.colloquy.forum.ForumService;
import org.colloquy.forum.ForumViews;
import org.colloquy.forum.NoSuchForumItemException;
import org.colloquy.forum.Post;
import org.colloquy.forum.PostingRefusedException;
import org.colloquy.forum.Topic;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.text.Markdown;
import org.colloquy.platform.throttle.TooManyAttemptsException;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.platform.web.FormErrors;
import org.colloquy.policy.PolicyAcceptanceRequiredException;
import org.colloquy.policy.PolicyChangedException;
import org.colloquy.policy.PolicyVersion;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;

/**
 * {@code /forum/post}: the editor for a new topic ({@code ?forum=slug}), a reply ({@code ?topic=id},
 * with {@code &quote=postId} prefilled as a quote) or an edit of one's own post ({@code ?edit=id},
 * with its deletion; not {@code ?post}: the form's id is {@code post}, and Faces posts that name as
 * the form's marker, so a view parameter of that name failed conversion on every postback and no
 * action ran). Before a member's first post the form shows the forum rules in effect and the
 * forum's own conditions with "I accept the forum rules" (P-FORUM-2); the editor follows, with
 * whatever was typed or quoted kept in the view. Refusals appear beside the editor, text kept; a
 * member a moderator silenced is told until when and why as the form opens, not only once they send.
 */
@Named
@ViewScoped
public class PostFormBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What the form does. */
    public enum Mode {
        NEW_TOPIC, REPLY, EDIT
    }

    @Inject
    private ForumService forum;

    @Inject
    private Markdown markdown;

    private Long topic;
    private String forumSlug;
    private Long post;
    private Long quote;

    private Mode mode;
    private long categoryId;
    private String categoryName;
    private String categoryPath;
    private String conditionsHtml;
    private String topicTitle;
    private String topicPath;
    private boolean owesRules;
    private int rulesVersion;
    private String rulesHtml;

    private String title;
    private String body;
    private String previewHtml;

    /** View action: what the form is for, the rules if owed, the text to start from. */
    public void load() {
        if (mode != null) {
            return;
        }
        try {
            if (post != null) {
                ForumViews.PostRow row = forum.post(post);
                ForumViews.TopicPage page = forum.topic(row.post().topicId(), row.post().page());
                mode = Mode.EDIT;
                useTopic(page);
                body = row.post().bodyMarkdown();
            } else if (topic != null) {
                ForumViews.TopicPage page = forum.topic(topic, 1);
                mode = Mode.REPLY;
                useTopic(page);
                if (quote != null) {
                    body = quoted(forum.post(quote));
                }
            } else if (forumSlug != null) {
                ForumCategory category = forum.category(forumSlug);
                mode = Mode.NEW_TOPIC;
                useCategory(category);
            } else {
                Faces.responseSendError(404, "Nothing to post to");
                return;
            }
        } catch (NoSuchForumItemException e) {
            Faces.responseSendError(404, e.getMessage());
            return;
        }
        loadRules();
        tellIfSilenced();
    }

    /** "I accept the forum rules": records the acceptance of the version shown, then the editor shows. */
    public String acceptRules() {
        try {
            forum.acceptRules(rulesVersion, Texts.get("forum.rules.via"));
            owesRules = false;
            tellIfSilenced();
        } catch (PolicyChangedException e) {
            loadRules();
            FormErrors.general("post", Texts.get("forum.rules.changed"));
        }
        return null;
    }

    public String preview() {
        previewHtml = body == null ? null : markdown.toHtml(body, 3);
        return null;
    }

    public String submit() {
        try {
            switch (mode) {
                case NEW_TOPIC -> {
                    Topic started = forum.startTopic(categoryId, title, body);
                    Faces.redirect(Faces.getRequestContextPath() + started.path());
                }
                case REPLY -> {
                    Post reply = forum.reply(topic, body);
                    Faces.redirect(Faces.getRequestContextPath() + topicPath + (reply.page() > 1 ? "?page=" + reply.page() : "")
                            + "#post-" + reply.number());
                }
                case EDIT -> {
                    Post edited = forum.editOwnPost(post, body);
                    Faces.redirect(Faces.getRequestContextPath() + topicPath + (edited.page() > 1 ? "?page=" + edited.page() : "")
                            + "#post-" + edited.number());
                }
            }
        } catch (InvalidInputException e) {
            FormErrors.show("post", e.problems());
        } catch (ForumRulesRequiredException e) {
            loadRules();
        } catch (PostingRefusedException e) {
            FormErrors.general("post", e.getMessage());
        } catch (PolicyAcceptanceRequiredException e) {
            FormErrors.general("post", Texts.get("forum.refused.policy"));
        } catch (TooManyAttemptsException e) {
            FormErrors.general("post", Texts.get("forum.refused.tooFast", Math.max(1, (e.retryAfter().toSeconds() + 59) / 60)));
        }
        return null;
    }

    public String delete() {
        try {
            Post deleted = forum.deleteOwnPost(post);
            Faces.redirect(Faces.getRequestContextPath() + topicPath + (deleted.page() > 1 ? "?page=" + deleted.page() : "")
                    + "#post-" + deleted.number());
        } catch (PostingRefusedException e) {
            FormErrors.general("post", e.getMessage());
        }
        return null;
    }

    /** A silenced member is told until when and why before they type, as the form opens and once the rules are accepted. */
    private void tellIfSilenced() {
        forum.callerSilence().ifPresent(silence -> FormErrors.general("post", silence));
    }

    private void useTopic(ForumViews.TopicPage page) {
        useCategory(page.category());
        topic = page.topic().id();
        topicTitle = page.topic().title();
        topicPath = page.topic().path();
    }

    private void useCategory(ForumCategory category) {
        categoryId = category.id();
        categoryName = category.name();
        categoryPath = category.path();
        conditionsHtml = category.conditions() == null ? null : markdown.toHtml(category.conditions(), 3);
    }

    private void loadRules() {
        owesRules = forum.callerOwesRules();
        if (owesRules) {
            PolicyVersion rules = forum.rules().orElseThrow();
            rulesVersion = rules.number();
            rulesHtml = markdown.toHtml(rules.bodyMarkdown(), 3);
        }
    }

    /** "> @ada wrote:" and the post's text as a Markdown quote, then an empty line for the reply. */
    static String quoted(ForumViews.PostRow row) {
        String who = row.author() == null ? Texts.get("forum.formerMember") : "@" + row.author();
        StringBuilder text = new StringBuilder("> ").append(Texts.get("forum.quote.wrote", who)).append('\n');
        for (String line : row.post().bodyMarkdown().strip().split("\r?\n", -1)) {
            text.append(line.isEmpty() ? ">" : "> " + line).append('\n');
        }
        return text.append('\n').toString();
    }

    public Mode getMode() {
        return mode;
    }

    /** The mode's name for message keys ({@code forum.form.REPLY}). */
    public String getModeName() {
        return mode == null ? Mode.REPLY.name() : mode.name();
    }

    public boolean isOwesRules() {
        return owesRules;
    }

    public int getRulesVersion() {
        return rulesVersion;
    }

    public String getRulesHtml() {
        return rulesHtml;
    }

    public String getConditionsHtml() {
        return conditionsHtml;
    }

    public String getCategoryName() {
        return categoryName;
    }

    public String getCategoryPath() {
        return categoryPath;
    }

    public String getTopicTitle() {
        return topicTitle;
    }

    public String getTopicPath() {
        return topicPath;
    }

    public String getPreviewHtml() {
        return previewHtml;
    }

    public Long getTopic() {
        return topic;
    }

    public void setTopic(Long topic) {
        this.topic = topic;
    }

    public String getForum() {
        return forumSlug;
    }

    public void setForum(String forum) {
        this.forumSlug = forum;
    }

    public Long getPost() {
        return post;
    }

    public void setPost(Long post) {
        this.post = post;
    }

    public Long getQuote() {
        return quote;
    }

    public void setQuote(Long quote) {
        this.quote = quote;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }
}
