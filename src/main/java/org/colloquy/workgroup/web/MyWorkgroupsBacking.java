package org.colloquy.workgroup.web;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.platform.web.FormErrors;
import org.colloquy.workgroup.NoSuchWorkgroupItemException;
import org.colloquy.workgroup.WorkgroupService;
import org.colloquy.workgroup.WorkgroupViews.MyNotice;
import org.colloquy.workgroup.WorkgroupViews.ParticipationLine;
import org.colloquy.workgroup.WorkgroupViews.RequestLine;

/**
 * {@code /account/workgroups}: the member's release notices (what will be published about them,
 * to confirm, correct or object to: P-RELEASE-3), their invitations and their participation
 * records with dates and any reason a chair gave.
 */
@Named
@ViewScoped
public class MyWorkgroupsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private WorkgroupService workgroups;

    private final Map<Long, String> names = new HashMap<>();
    private final Map<Long, String> organizations = new HashMap<>();
    private final Map<Long, String> objections = new HashMap<>();
    private final Map<Long, Boolean> clauses = new HashMap<>();
    private transient List<MyNotice> notices;

    public List<MyNotice> getNotices() {
        if (notices == null) {
            notices = workgroups.myNotices();
            for (MyNotice n : notices) {
                names.putIfAbsent(n.releaseId(), n.name());
                organizations.putIfAbsent(n.releaseId(), n.organization());
            }
        }
        return notices;
    }

    public List<RequestLine> getInvitations() {
        return workgroups.myRequests().stream().filter(r -> r.kind() == org.colloquy.workgroup.JoinRequest.Kind.INVITATION).toList();
    }

    public List<RequestLine> getApplications() {
        return workgroups.myRequests().stream().filter(r -> r.kind() == org.colloquy.workgroup.JoinRequest.Kind.APPLICATION).toList();
    }

    public List<ParticipationLine> getParticipations() {
        return workgroups.myParticipations();
    }

    public String clauseOf(long groupId) {
        return workgroups.joiningClause(groupId);
    }

    private String act(String form, Runnable action, String message) {
        try {
            action.run();
            FormErrors.done(form, message);
            notices = null;
        } catch (InvalidInputException e) {
            e.problems().values().forEach(m -> FormErrors.general(form, m));
            jakarta.faces.context.FacesContext.getCurrentInstance().validationFailed();
        } catch (NoSuchWorkgroupItemException e) {
            FormErrors.general(form, Texts.get("workgroup.notAllowed"));
        }
        return null;
    }

    public String confirm(long releaseId) {
        return act("notices", () -> workgroups.confirm(releaseId), Texts.get("workgroup.notice.confirmed"));
    }

    public String correct(long releaseId) {
        return act("notices", () -> workgroups.correct(releaseId, names.get(releaseId), organizations.get(releaseId)),
                Texts.get("workgroup.notice.corrected"));
    }

    public String object(long releaseId) {
        return act("notices", () -> workgroups.object(releaseId, objections.get(releaseId)), Texts.get("workgroup.notice.objected"));
    }

    public String accept(long requestId) {
        boolean accepted = Boolean.TRUE.equals(clauses.get(requestId));
        return act("invitations", () -> workgroups.acceptInvitation(requestId, accepted), Texts.get("workgroup.joined"));
    }

    public Map<Long, String> getNames() {
        return names;
    }

    public Map<Long, String> getOrganizations() {
        return organizations;
    }

    public Map<Long, String> getObjections() {
        return objections;
    }

    public Map<Long, Boolean> getClauses() {
        return clauses;
    }
}
