package org.colloquy.moderation.web;

import java.io.Serializable;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.forum.ForumCategory;
import org.colloquy.forum.ForumViews;
import org.colloquy.forum.NoSuchForumItemException;
import org.colloquy.moderation.ModerationRefusedException;
import org.colloquy.moderation.ModerationService;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.platform.web.FormErrors;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;

/**
 * {@code /moderation/move?topic=n}: a moderator moves a topic to another forum with their words
 * (issue 7). The topic keeps its address; its author is told.
 */
@Named
@ViewScoped
public class MoveTopicBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ModerationService moderation;

    private Long topic;
    private transient ModerationService.MoveView view;
    private Long category;
    private String words;

    public void load() {
        if (topic == null) {
            Faces.responseSendError(404, "No topic");
            return;
        }
        try {
            view = moderation.moveView(topic);
        } catch (NoSuchForumItemException e) {
            Faces.responseSendError(404, e.getMessage());
        }
    }

    public String move() {
        try {
            ForumViews.MovedTopic moved = moderation.moveTopic(topic, category, words);
            FormErrors.done("move", Texts.get("moderation.move.done", moved.to()));
            words = null;
            category = null;
        } catch (InvalidInputException e) {
            FormErrors.show("move", e.problems());
        } catch (ModerationRefusedException | NoSuchForumItemException e) {
            FormErrors.general("move", e.getMessage());
        }
        load();
        return null;
    }

    public ModerationService.MoveView getView() {
        if (view == null && topic != null) {
            view = moderation.moveView(topic);
        }
        return view;
    }

    /** Every forum but the topic's own. */
    public List<ForumCategory> getTargets() {
        long own = getView().topic().category().id();
        return getView().categories().stream().filter(c -> c.id() != own).toList();
    }

    public Long getTopic() {
        return topic;
    }

    public void setTopic(Long topic) {
        this.topic = topic;
    }

    public Long getCategory() {
        return category;
    }

    public void setCategory(Long category) {
        this.category = category;
    }

    public String getWords() {
        return words;
    }

    public void setWords(String words) {
        this.words = words;
    }
}
