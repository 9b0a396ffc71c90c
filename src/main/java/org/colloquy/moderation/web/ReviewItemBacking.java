package org.colloquy.moderation.web;

import java.io.Serializable;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.forum.NoSuchForumItemException;
import org.colloquy.moderation.Decision;
import org.colloquy.moderation.ModerationRefusedException;
import org.colloquy.moderation.ModerationService;
import org.colloquy.moderation.TopicAction;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.platform.web.FormErrors;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;

/**
 * {@code /moderation/item?id=n}: one queue item with its post (author by username, linked to their
 * posting history), its claim and staff notes; claim or release it, add a note, decide it with a
 * rule and words, or lock, unlock, pin or unpin its topic. Refusals show above the form.
 */
@Named
@ViewScoped
public class ReviewItemBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ModerationService moderation;

    private Long id;
    private transient ModerationService.QueueRow row;
    private long me;
    private Decision decision;
    private final ReasonInput reason = new ReasonInput();
    private String note;
    private TopicAction topicAction;
    private String topicWords;

    public void load() {
        if (id == null) {
            Faces.responseSendError(404, "No item");
            return;
        }
        try {
            row = moderation.item(id);
            me = moderation.me();
        } catch (ModerationRefusedException | NoSuchForumItemException e) {
            Faces.responseSendError(404, e.getMessage());
        }
    }

    public String claim() {
        try {
            moderation.claim(id);
            FormErrors.done("item", Texts.get("moderation.item.claimed"));
        } catch (ModerationRefusedException e) {
            FormErrors.general("item", e.getMessage());
        }
        return reload();
    }

    public String release() {
        moderation.release(id);
        return reload();
    }

    public String addNote() {
        try {
            moderation.note(id, note);
            note = null;
        } catch (InvalidInputException e) {
            FormErrors.show("item", e.problems());
        } catch (ModerationRefusedException e) {
            FormErrors.general("item", e.getMessage());
        }
        return reload();
    }

    public String decide() {
        try {
            moderation.decide(id, decision, reason.getCategory(), reason.getWords());
            FormErrors.done("item", Texts.get("moderation.item.decided"));
            reason.setWords(null);
        } catch (InvalidInputException e) {
            FormErrors.show("item", e.problems());
        } catch (ModerationRefusedException | NoSuchForumItemException e) {
            FormErrors.general("item", e.getMessage());
        }
        return reload();
    }

    public String actOnTopic() {
        try {
            moderation.topic(getRow().post().topic().id(), topicAction, topicWords);
            FormErrors.done("item", Texts.get("moderation.item.topicDone"));
            topicWords = null;
        } catch (InvalidInputException e) {
            java.util.Map<String, String> problems = new java.util.LinkedHashMap<>();
            e.problems().forEach((field, message) -> problems.put("words".equals(field) ? "topicWords" : "topicAction", message));
            FormErrors.show("item", problems);
        } catch (ModerationRefusedException | NoSuchForumItemException e) {
            FormErrors.general("item", e.getMessage());
        }
        return reload();
    }

    private String reload() {
        row = moderation.item(id);
        return null;
    }

    public ModerationService.QueueRow getRow() {
        if (row == null && id != null) {
            row = moderation.item(id);
        }
        return row;
    }

    public boolean isMine() {
        return getRow().item().claimedBy() != null && getRow().item().claimedBy() == me;
    }

    /** Every decision; KEEP (deny without changing anything) only on an appeal. */
    public List<Decision> getDecisions() {
        boolean appeal = getRow().item().kind() == org.colloquy.moderation.ReviewItem.Kind.APPEAL;
        return java.util.Arrays.stream(Decision.values()).filter(d -> appeal || d != Decision.KEEP).toList();
    }

    public List<TopicAction> getTopicActions() {
        return List.of(TopicAction.values());
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Decision getDecision() {
        return decision;
    }

    public void setDecision(Decision decision) {
        this.decision = decision;
    }

    /** The rule and the moderator's words, bound as {@code #{b.reason.category}} and {@code #{b.reason.words}}. */
    public ReasonInput getReason() {
        return reason;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public TopicAction getTopicAction() {
        return topicAction;
    }

    public void setTopicAction(TopicAction topicAction) {
        this.topicAction = topicAction;
    }

    public String getTopicWords() {
        return topicWords;
    }

    public void setTopicWords(String topicWords) {
        this.topicWords = topicWords;
    }
}
