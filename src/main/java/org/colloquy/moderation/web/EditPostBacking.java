package org.colloquy.moderation.web;

import java.io.Serializable;

import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.forum.NoSuchForumItemException;
import org.colloquy.forum.PostingRefusedException;
import org.colloquy.moderation.ModerationRefusedException;
import org.colloquy.moderation.ModerationService;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.platform.web.FormErrors;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;

/**
 * {@code /moderation/edit?post=n}: a moderator edits a post's text with the rule it broke and their
 * words (issue 7); below, every earlier text of the post with a word diff to the text that replaced
 * it, for staff only. The author is told and may appeal.
 */
@Named
@ViewScoped
public class EditPostBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ModerationService moderation;

    private Long post;
    private transient ModerationService.PostHistoryView history;
    private String body;
    private final ReasonInput reason = new ReasonInput();

    public void load() {
        if (post == null) {
            Faces.responseSendError(404, "No post");
            return;
        }
        try {
            history = moderation.postHistory(post);
            if (body == null) {
                body = history.post().post().bodyMarkdown();
            }
        } catch (ModerationRefusedException | NoSuchForumItemException e) {
            Faces.responseSendError(404, e.getMessage());
        }
    }

    public String save() {
        try {
            moderation.editPost(post, body, reason.getCategory(), reason.getWords());
            FormErrors.done("edit", Texts.get("moderation.edit.done"));
            reason.clear();
            body = null;
        } catch (InvalidInputException e) {
            FormErrors.show("edit", e.problems());
        } catch (ModerationRefusedException | NoSuchForumItemException | PostingRefusedException e) {
            FormErrors.general("edit", e.getMessage());
        }
        load();
        return null;
    }

    public ModerationService.PostHistoryView getHistory() {
        if (history == null && post != null) {
            history = moderation.postHistory(post);
        }
        return history;
    }

    public Long getPost() {
        return post;
    }

    public void setPost(Long post) {
        this.post = post;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    /** The rule and the moderator's words, bound as {@code #{b.reason.category}} and {@code #{b.reason.words}}. */
    public ReasonInput getReason() {
        return reason;
    }
}
