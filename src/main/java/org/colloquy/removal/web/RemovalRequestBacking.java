package org.colloquy.removal.web;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.forum.ForumViews;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.platform.web.FormErrors;
import org.colloquy.removal.RemovalRefusedException;
import org.colloquy.removal.RemovalRequest;
import org.colloquy.removal.RemovalService;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;

/**
 * {@code /account/removal?post=id}: the author of a post asks for the removal of their personal
 * information from it (P-REMOVE-1), the whole post or the personal information in it, and is told
 * what will happen and by when. Someone else's post answers 404.
 */
@Named
@ViewScoped
public class RemovalRequestBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private RemovalService removals;

    private Long post;
    private String excerpt;
    private String postPath;
    private String topicTitle;
    private RemovalRequest.Wanted wanted;
    private String explanation;
    private OffsetDateTime dueBy;
    private Long sentId;

    public void load() {
        if (excerpt != null) {
            return;
        }
        if (post == null) {
            Faces.responseSendError(404, "No post");
            return;
        }
        try {
            ForumViews.ModeratedPost own = removals.ownPost(post);
            excerpt = own.post().bodyHtml();
            postPath = own.path();
            topicTitle = own.topic().title();
            dueBy = OffsetDateTime.now(ZoneOffset.UTC).plus(RemovalRequest.DUE_AFTER);
        } catch (RemovalRefusedException e) {
            Faces.responseSendError(404, e.getMessage());
        }
    }

    public String submit() {
        try {
            RemovalRequest request = removals.request(post, wanted, explanation);
            sentId = request.id();
            dueBy = request.dueAt();
        } catch (InvalidInputException e) {
            FormErrors.show("removal", e.problems());
        } catch (RemovalRefusedException e) {
            FormErrors.general("removal", e.getMessage());
        }
        return null;
    }

    public RemovalRequest.Wanted[] getChoices() {
        return RemovalRequest.Wanted.values();
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

    public String getTopicTitle() {
        return topicTitle;
    }

    public RemovalRequest.Wanted getWanted() {
        return wanted;
    }

    public void setWanted(RemovalRequest.Wanted wanted) {
        this.wanted = wanted;
    }

    public String getExplanation() {
        return explanation;
    }

    public void setExplanation(String explanation) {
        this.explanation = explanation;
    }

    public OffsetDateTime getDueBy() {
        return dueBy;
    }

    public boolean isSent() {
        return sentId != null;
    }
}
