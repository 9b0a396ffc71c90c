package org.colloquy.moderation.web;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.account.MemberSanctions;
import org.colloquy.moderation.ModerationDesk;
import org.colloquy.moderation.ModerationRefusedException;
import org.colloquy.moderation.ModerationService;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.platform.web.FormErrors;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;

/**
 * {@code /moderation/sanctions}: silences and suspensions in force with their ends and reasons, each
 * with a "lift early" link that chooses it in the form below, where the moderator gives the reason
 * (decision 0040). The service checks the caller moderates and writes the staff log.
 */
@Named
@ViewScoped
public class ActiveSanctionsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ModerationService moderation;

    private transient List<ModerationDesk.ActiveSanction> rows;
    private String chosen;
    private String words;

    /** {@code ?lift=LIFT_SILENCE-12} (from a row's link) chooses that sanction in the form. */
    @PostConstruct
    void init() {
        chosen = Faces.getRequestParameter("lift");
    }

    public String lift() {
        Optional<ModerationDesk.ActiveSanction> sanction = getRows().stream().filter(s -> s.key().equals(chosen)).findFirst();
        if (sanction.isEmpty()) {
            FormErrors.show("lift", Map.of("chosen", Texts.get("moderation.sanctions.choose.required")));
            return null;
        }
        try {
            boolean done = moderation.sanction(sanction.get().memberId(), sanction.get().lift(), null, words, null);
            FormErrors.done("lift", Texts.get(done ? "moderation.sanctions.lifted" : "moderation.member.nothingToLift", sanction.get().username()));
            words = null;
            chosen = null;
            rows = null;
        } catch (InvalidInputException e) {
            FormErrors.show("lift", e.problems());
        } catch (ModerationRefusedException e) {
            FormErrors.general("lift", e.getMessage());
        }
        return null;
    }

    public List<ModerationDesk.ActiveSanction> getRows() {
        if (rows == null) {
            rows = moderation.activeSanctions();
        }
        return rows;
    }

    public String when(OffsetDateTime at) {
        return MemberSanctions.when(at);
    }

    public String getChosen() {
        return chosen;
    }

    public void setChosen(String chosen) {
        this.chosen = chosen;
    }

    public String getWords() {
        return words;
    }

    public void setWords(String words) {
        this.words = words;
    }
}
