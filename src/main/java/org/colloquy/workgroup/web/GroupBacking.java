package org.colloquy.workgroup.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

import jakarta.faces.context.FacesContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;

import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.platform.web.FormErrors;
import org.colloquy.workgroup.NoSuchWorkgroupItemException;
import org.colloquy.workgroup.WorkgroupService;
import org.colloquy.workgroup.WorkgroupViews.GroupPage;
import org.colloquy.workgroup.Workgroups;

/**
 * {@code /workgroups/group?id=}: a workgroup as the caller may see it. Everyone sees its name,
 * description and chairs; a signed-in member may apply (accepting the joining clause) or accept an
 * invitation; participants see the collaboration view and the drafts and may leave; chairs approve,
 * invite, mark participants inactive, upload versions and start releases; administrators appoint
 * chairs. Every action is checked again by the service.
 * Request-scoped, so that an anonymous reader of the transient page gets no HTTP session; the id
 * comes back with every postback through the view parameter.
 */
@Named
@RequestScoped
public class GroupBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private WorkgroupService workgroups;

    private Long id;

    /** The id from the request, on a GET and on a postback alike ({@link WorkgroupPages#requestedId}). */
    @jakarta.annotation.PostConstruct
    void readId() {
        id = WorkgroupPages.requestedId();
    }

    private boolean clauseAccepted;
    private String username;
    private String chairUsername;
    private Long participationId;
    private String reason;
    private String title;
    private String versionLabel;
    private transient Part file;
    private Long documentId;
    private LocalDate planned;
    private transient GroupPage page;

    /** View action: an unknown group is "not found". */
    public void load() throws IOException {
        if (id == null) {
            WorkgroupPages.notFound();
            return;
        }
        try {
            page = workgroups.page(id);
        } catch (NoSuchWorkgroupItemException e) {
            WorkgroupPages.notFound();
        }
    }

    public GroupPage getPage() {
        if (page == null && id != null) {
            page = workgroups.page(id);
        }
        return page;
    }

    public String getClause() {
        return workgroups.joiningClause(id);
    }

    public String getEarliest() {
        return workgroups.earliestReleaseDate().toString();
    }

    private String done(String form, String message) {
        FormErrors.done(form, message);
        page = null;
        return null;
    }

    private String act(String form, Runnable action, String message) {
        try {
            action.run();
            return done(form, message);
        } catch (InvalidInputException e) {
            FormErrors.show(form, e.problems());
        } catch (NoSuchWorkgroupItemException e) {
            FormErrors.general(form, Texts.get("workgroup.notAllowed"));
        }
        return null;
    }

    public String apply() {
        return act("join", () -> workgroups.apply(id, clauseAccepted), Texts.get("workgroup.apply.done"));
    }

    public String acceptInvitation() {
        Long invitation = getPage().invitationId();
        if (invitation == null) {
            return null;
        }
        return act("join", () -> workgroups.acceptInvitation(invitation, clauseAccepted), Texts.get("workgroup.joined"));
    }

    public String leave() {
        return act("leave", () -> workgroups.leave(id), Texts.get("workgroup.left"));
    }

    public String approve(long requestId) {
        return act("requests", () -> workgroups.approve(requestId), Texts.get("workgroup.approved"));
    }

    public String decline(long requestId) {
        return act("requests", () -> workgroups.decline(requestId), Texts.get("workgroup.declined"));
    }

    public String invite() {
        String who = username;
        String result = act("invite", () -> workgroups.invite(id, who), Texts.get("workgroup.invited", who));
        if (!FacesContext.getCurrentInstance().isValidationFailed()) {
            username = null;
        }
        return result;
    }

    public String appointChair() {
        String who = chairUsername;
        return act("chairs", () -> workgroups.appointChair(id, who), Texts.get("workgroup.chair.appointed", who));
    }

    public String markInactive() {
        if (participationId == null) {
            FormErrors.show("inactive", java.util.Map.of("participant", Texts.get("workgroup.inactive.choose")));
            return null;
        }
        long p = participationId;
        String r = reason;
        String result = act("inactive", () -> workgroups.markInactive(p, r), Texts.get("workgroup.inactive.done"));
        if (!FacesContext.getCurrentInstance().isValidationFailed()) {
            reason = null;
            participationId = null;
        }
        return result;
    }

    public String upload() {
        byte[] content = null;
        String fileName = null;
        if (file != null && file.getSize() > 0) {
            if (file.getSize() > Workgroups.MAX_FILE_BYTES) {
                FormErrors.show("upload", java.util.Map.of("file", Texts.get("workgroup.document.file.large", Workgroups.MAX_FILE_BYTES / (1024 * 1024))));
                return null;
            }
            try (InputStream in = file.getInputStream()) {
                content = in.readAllBytes();
            } catch (IOException e) {
                FormErrors.show("upload", java.util.Map.of("file", Texts.get("workgroup.document.file.unreadable")));
                return null;
            }
            fileName = file.getSubmittedFileName();
        }
        byte[] bytes = content;
        String name = fileName;
        String result = act("upload", () -> workgroups.upload(id, title, versionLabel, name, bytes), Texts.get("workgroup.document.uploaded"));
        if (!FacesContext.getCurrentInstance().isValidationFailed()) {
            title = null;
            versionLabel = null;
        }
        return result;
    }

    public String startRelease() {
        if (documentId == null) {
            FormErrors.show("release", java.util.Map.of("document", Texts.get("workgroup.release.choose")));
            return null;
        }
        long d = documentId;
        LocalDate p = planned;
        return act("release", () -> workgroups.startRelease(d, p), Texts.get("workgroup.release.started"));
    }

    public List<org.colloquy.workgroup.WorkgroupViews.ParticipationLine> getActiveParticipations() {
        return getPage().participations().stream().filter(p -> p.isActive()).toList();
    }

    // ------------------------------------------------------------------ form fields

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public boolean isClauseAccepted() {
        return clauseAccepted;
    }

    public void setClauseAccepted(boolean clauseAccepted) {
        this.clauseAccepted = clauseAccepted;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getChairUsername() {
        return chairUsername;
    }

    public void setChairUsername(String chairUsername) {
        this.chairUsername = chairUsername;
    }

    public Long getParticipationId() {
        return participationId;
    }

    public void setParticipationId(Long participationId) {
        this.participationId = participationId;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getVersionLabel() {
        return versionLabel;
    }

    public void setVersionLabel(String versionLabel) {
        this.versionLabel = versionLabel;
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }

    public Long getDocumentId() {
        return documentId;
    }

    public void setDocumentId(Long documentId) {
        this.documentId = documentId;
    }

    public LocalDate getPlanned() {
        return planned;
    }

    public void setPlanned(LocalDate planned) {
        this.planned = planned;
    }
}
