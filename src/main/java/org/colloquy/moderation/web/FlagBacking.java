package org.colloquy.moderation.web;

import java.io.Serializable;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.forum.ForumService;
import org.colloquy.forum.ForumViews;
import org.colloquy.forum.NoSuchForumItemException;
import org.colloquy.moderation.FlagReason;
import org.colloquy.moderation.ModerationRefusedException;
import org.colloquy.moderation.ModerationService;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.platform.web.FormErrors;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;

/**
 * {@code /forum/flag?post=id}: a member tells the moderators what is wrong with a post, choosing
 * one of the forum rules' categories (P-FORUM-2); "something else" needs their words. After
 * sending, the page says the moderators will tell them the outcome.
 */
@Named
@ViewScoped
public class FlagBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ModerationService moderation;

    @Inject
    private ForumService forum;

    private Long post;
    private String author;
    private String excerpt;
    private String postPath;
    private FlagReason reason;
    private String explanation;
    private boolean sent;

    public void load() {
        if (author != null || excerpt != null) {
            return;
        }
        try {
            if (post == null) {
                Faces.responseSendError(404, "No post");
                return;
            }
            ForumViews.PostRow row = forum.post(post);
            ForumViews.TopicPage page = forum.topic(row.post().topicId(), row.post().page());
            author = row.author();
            excerpt = row.post().bodyHtml();
            postPath = page.topic().path(row.post().page()) + "#post-" + row.post().number();
        } catch (NoSuchForumItemException e) {
            Faces.responseSendError(404, e.getMessage());
        }
    }

    public String submit() {
        try {
            moderation.flag(post, reason, explanation);
            sent = true;
            FormErrors.done("flag", Texts.get("moderation.flag.sent"));
        } catch (InvalidInputException e) {
            FormErrors.show("flag", e.problems());
        } catch (ModerationRefusedException | NoSuchForumItemException e) {
            FormErrors.general("flag", e.getMessage());
        }
        return null;
    }

    public List<FlagReason> getReasons() {
        return List.of(FlagReason.values());
    }

    public Long getPost() {
        return post;
    }

    public void setPost(Long post) {
        this.post = post;
    }

    public String getAuthor() {
        return author;
    }

    public String getExcerpt() {
        return excerpt;
    }

    public String getPostPath() {
        return postPath;
    }

    public FlagReason getReason() {
        return reason;
    }

    public void setReason(FlagReason reason) {
        this.reason = reason;
    }

    public String getExplanation() {
        return explanation;
    }

    public void setExplanation(String explanation) {
        this.explanation = explanation;
    }

    public boolean isSent() {
        return sent;
    }
}
