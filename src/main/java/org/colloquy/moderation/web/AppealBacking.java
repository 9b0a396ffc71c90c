package org.colloquy.moderation.web;

import java.io.Serializable;

import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.forum.ForumService;
import org.colloquy.forum.ForumViews;
import org.colloquy.forum.NoSuchForumItemException;
import org.colloquy.moderation.ModerationRefusedException;
import org.colloquy.moderation.ModerationService;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.platform.web.FormErrors;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;

/** {@code /forum/appeal?post=id}: the author of a post a moderator hid, deleted or edited appeals the decision, once, in their words. */
@Named
@ViewScoped
public class AppealBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ModerationService moderation;

    @Inject
    private ForumService forum;

    private Long post;
    private String excerpt;
    private String postPath;
    private String statement;
    private boolean sent;

    public void load() {
        if (excerpt != null) {
            return;
        }
        try {
            if (post == null) {
                Faces.responseSendError(404, "No post");
                return;
            }
            ForumViews.PostRow row = forum.post(post);
            ForumViews.TopicPage page = forum.topic(row.post().topicId(), row.post().page());
            // A deleted post has no text left to show; its author sees that it was removed.
            excerpt = row.post().isDeleted() ? "<p>" + Texts.get("moderation.appeal.deletedPost") + "</p>" : row.post().bodyHtml();
            postPath = page.topic().path(row.post().page()) + "#post-" + row.post().number();
        } catch (NoSuchForumItemException e) {
            Faces.responseSendError(404, e.getMessage());
        }
    }

    public String submit() {
        try {
            moderation.appeal(post, statement);
            sent = true;
            FormErrors.done("appeal", Texts.get("moderation.appeal.sent"));
        } catch (InvalidInputException e) {
            FormErrors.show("appeal", e.problems());
        } catch (ModerationRefusedException | NoSuchForumItemException e) {
            FormErrors.general("appeal", e.getMessage());
        }
        return null;
    }

    public Long getPost() {
        return post;
    }

    public void setPost(Long post) {
        this.post = post;
    }

    public String getExcerpt() {
        return excerpt;
    }

    public String getPostPath() {
        return postPath;
    }

    public String getStatement() {
        return statement;
    }

    public void setStatement(String statement) {
        this.statement = statement;
    }

    public boolean isSent() {
        return sent;
    }
}
