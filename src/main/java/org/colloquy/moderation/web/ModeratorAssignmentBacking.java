package org.colloquy.moderation.web;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.account.MemberSanctions;
import org.colloquy.forum.ForumCategory;
import org.colloquy.moderation.ModerationRefusedException;
import org.colloquy.moderation.ModerationService;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.platform.web.FormErrors;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;

/**
 * The "categories moderated" panel of {@code /admin/member?u=} (decision 0040): an administrator
 * assigns a moderator to every category or to chosen ones, with an optional last day of their term.
 * Shown only for members who hold the moderator role; the service checks the caller administers.
 */
@Named
@ViewScoped
public class ModeratorAssignmentBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ModerationService moderation;

    private String u;
    private transient ModerationService.AssignmentView view;
    private transient List<ForumCategory> categories;
    private boolean all;
    private Long[] chosen = new Long[0];
    private String ends;
    private String words;

    @PostConstruct
    void init() {
        u = Faces.getRequestParameter("u");
        reset();
    }

    private void reset() {
        ModerationService.AssignmentView current = getView();
        if (current != null) {
            all = current.all();
            chosen = current.categories().stream().sorted().toArray(Long[]::new);
            ends = current.endsAt() == null ? null : current.endsAt().toLocalDate().toString();
        }
    }

    public String assign() {
        try {
            moderation.assign(getView().memberId(), all, new HashSet<>(Arrays.asList(chosen)), DayInput.startOfDay("ends", ends), words);
            FormErrors.done("assignment", Texts.get("moderation.assign.done"));
            words = null;
            view = null;
            reset();
        } catch (InvalidInputException e) {
            FormErrors.show("assignment", e.problems());
        } catch (ModerationRefusedException e) {
            FormErrors.general("assignment", e.getMessage());
        }
        return null;
    }

    /** The member's assignment; null when there is no such member. */
    public ModerationService.AssignmentView getView() {
        if (view == null && u != null) {
            view = moderation.assignment(u).orElse(null);
        }
        return view;
    }

    public List<ForumCategory> getCategories() {
        if (categories == null) {
            categories = moderation.categories();
        }
        return categories;
    }

    /** The names of the categories the moderator is assigned to, in the forums' order. */
    public String getCategoryNames() {
        ModerationService.AssignmentView current = getView();
        if (current == null || current.all()) {
            return Texts.get("moderation.assign.everyCategory");
        }
        return String.join(", ", getCategories().stream().filter(c -> current.categories().contains(c.id())).map(ForumCategory::name).toList());
    }

    public String when(OffsetDateTime at) {
        return MemberSanctions.when(at);
    }

    public boolean isAll() {
        return all;
    }

    public void setAll(boolean all) {
        this.all = all;
    }

    public Long[] getChosen() {
        return chosen;
    }

    public void setChosen(Long[] chosen) {
        this.chosen = Objects.requireNonNullElse(chosen, new Long[0]);
    }

    public String getEnds() {
        return ends;
    }

    public void setEnds(String ends) {
        this.ends = ends;
    }

    public String getWords() {
        return words;
    }

    public void setWords(String words) {
        this.words = words;
    }
}
