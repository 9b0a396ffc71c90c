package org.colloquy.moderation.web;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.account.MemberSanctions;
import org.colloquy.moderation.ModerationDesk;
import org.colloquy.moderation.ModerationRefusedException;
import org.colloquy.moderation.ModerationService;
import org.colloquy.moderation.Sanction;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.platform.web.FormErrors;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;

/**
 * {@code /moderation/member?u=username}: a member as a moderator sees them (username, standing, their
 * warnings, silences and suspensions with what became of each, and newest posts; never email or real
 * name) with a form to warn, silence or suspend them until a day,
 * or lift a silence or suspension early (issue 7). The service checks the caller moderates.
 */
@Named
@ViewScoped
public class MemberSanctionBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ModerationService moderation;

    private String u;
    private transient ModerationService.MemberPage page;
    private Sanction kind;
    private final ReasonInput reason = new ReasonInput();
    private String until;

    public void load() {
        page = u == null ? null : moderation.member(u).orElse(null);
        if (page == null) {
            Faces.responseSendError(404, "No such member");
        }
    }

    public String apply() {
        try {
            boolean done = moderation.sanction(getPage().standing().memberId(), kind, reason.getCategory(), reason.getWords(),
                    DayInput.startOfDay("until", until));
            FormErrors.done("sanction", Texts.get(done ? "moderation.member.done" : "moderation.member.nothingToLift"));
            reason.clear();
            until = null;
            kind = null;
        } catch (InvalidInputException e) {
            FormErrors.show("sanction", e.problems());
        } catch (ModerationRefusedException e) {
            FormErrors.general("sanction", e.getMessage());
        }
        page = moderation.member(u).orElse(null);
        return null;
    }

    public ModerationService.MemberPage getPage() {
        if (page == null && u != null) {
            page = moderation.member(u).orElse(null);
        }
        return page;
    }

    public String when(OffsetDateTime at) {
        return MemberSanctions.when(at);
    }

    /** A past sanction's end as the history shows it: a day, none (a warning), or until reinstated. */
    public String until(ModerationDesk.PastSanction sanction) {
        if (sanction.kind() == Sanction.WARN) {
            return Texts.get("moderation.history.noEnd");
        }
        return sanction.until() == null ? Texts.get("moderation.history.untilReinstated") : when(sanction.until());
    }

    /** What became of a past sanction, in words: given, active, ended on, replaced on, lifted when, by whom and why. */
    public String state(ModerationDesk.PastSanction sanction) {
        String key = "moderation.history.state." + sanction.state().name();
        return switch (sanction.state()) {
            case GIVEN, ACTIVE -> Texts.get(key);
            case ENDED, REPLACED -> sanction.endedAt() == null ? Texts.get("moderation.history.state.ENDED.noDate")
                    : Texts.get(key, when(sanction.endedAt()));
            case LIFTED -> Texts.get(sanction.until() == null ? key + ".open" : key, when(sanction.endedAt()), sanction.liftedBy(),
                    sanction.liftWords());
        };
    }

    /** How many sanctions the history lists at most. */
    public int getHistoryShown() {
        return ModerationDesk.HISTORY_SHOWN;
    }

    public List<Sanction> getKinds() {
        return List.of(Sanction.values());
    }

    public String getU() {
        return u;
    }

    public void setU(String u) {
        this.u = u;
    }

    public Sanction getKind() {
        return kind;
    }

    public void setKind(Sanction kind) {
        this.kind = kind;
    }

    /** The rule and the moderator's words, bound as {@code #{b.reason.category}} and {@code #{b.reason.words}}. */
    public ReasonInput getReason() {
        return reason;
    }

    public String getUntil() {
        return until;
    }

    public void setUntil(String until) {
        this.until = until;
    }
}
