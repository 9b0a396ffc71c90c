package org.colloquy.account.web;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.account.Member;
import org.colloquy.account.NoSuchMemberException;
import org.colloquy.account.Role;
import org.colloquy.account.StaffAction;
import org.colloquy.account.StaffService;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.platform.web.FormErrors;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;

/**
 * One member as an administrator sees them: account state, roles, and the staff log about them;
 * with forms to grant or revoke a role and to suspend or reinstate, each needing a reason.
 */
@Named
@ViewScoped
public class AdminMemberBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private StaffService staff;

    private String u;
    /** Reloaded whenever it is needed in a new request or after a change; never kept between requests. */
    private transient Member member;
    private transient List<StaffAction> log;
    private transient Map<Long, String> names;
    private Role role;
    private String reason;

    /** View action: loads the member named by {@code ?u=}, or answers 404. */
    public void load() {
        try {
            member = staff.get(u == null ? "" : u);
        } catch (NoSuchMemberException e) {
            Faces.responseSendError(404, "No such member");
            Faces.responseComplete();
        }
    }

    public String grant() {
        return act("roles", () -> staff.grant(getMember().id(), requireRole(), reason), "staff.granted");
    }

    public String revoke() {
        return act("roles", () -> staff.revoke(getMember().id(), requireRole(), reason), "staff.revoked");
    }

    public String suspend() {
        return act("suspension", () -> staff.suspend(getMember().id(), reason), "staff.suspended");
    }

    public String reinstate() {
        return act("suspension", () -> staff.reinstate(getMember().id(), reason), "staff.reinstated");
    }

    private Role requireRole() {
        if (role == null) {
            throw new InvalidInputException("role", Texts.get("staff.role.required"));
        }
        return role;
    }

    private String act(String formId, Runnable action, String doneKey) {
        try {
            action.run();
            member = staff.get(u);
            log = null;
            reason = null;
            FormErrors.done(formId, Texts.get(doneKey));
        } catch (InvalidInputException e) {
            FormErrors.show(formId, e.problems());
        }
        return null;
    }

    /** The staff log about this member, read once for this page (and again after a change made here). */
    public List<StaffAction> getLog() {
        if (log == null) {
            log = getMember() == null ? List.of() : staff.logOf(getMember().id());
            names = staff.usernames(log.stream().map(StaffAction::actorId).toList());
        }
        return log;
    }

    public Map<Long, String> getNames() {
        getLog();
        return names;
    }

    public List<Role> getGrantableRoles() {
        return Arrays.stream(Role.values()).filter(r -> r != Role.MEMBER).toList();
    }

    public String getU() {
        return u;
    }

    public void setU(String u) {
        this.u = u;
    }

    public Member getMember() {
        if (member == null && u != null) {
            member = staff.get(u);
        }
        return member;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
