package org.colloquy.workgroup.web;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.platform.web.FormErrors;
import org.colloquy.workgroup.NoSuchWorkgroupItemException;
import org.colloquy.workgroup.WorkgroupService;
import org.colloquy.workgroup.WorkgroupViews.NoticeLine;
import org.colloquy.workgroup.WorkgroupViews.PublicRelease;

/**
 * {@code /workgroups/release?id=}: the stable public page of a released document with its frozen
 * participant list (or, once withdrawn, the reason); an administrator may withdraw it here.
 * {@code /workgroups/notices?id=}: for the group's chairs, who confirmed, corrected or objected,
 * and the button that releases on or after the planned date.
 * Request-scoped, so that an anonymous reader of the transient page gets no HTTP session; the id
 * comes back with every postback through the view parameter.
 */
@Named
@RequestScoped
public class ReleaseBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private WorkgroupService workgroups;

    private Long id;

    /** The id from the request, on a GET and on a postback alike ({@link WorkgroupPages#requestedId}). */
    @jakarta.annotation.PostConstruct
    void readId() {
        id = WorkgroupPages.requestedId();
    }

    private String reason;
    private transient PublicRelease release;
    private transient List<NoticeLine> notices;

    /** View action of the public page. */
    public void load() throws IOException {
        try {
            release = id == null ? null : workgroups.publicRelease(id);
        } catch (NoSuchWorkgroupItemException e) {
            release = null;
        }
        if (release == null) {
            WorkgroupPages.notFound();
        }
    }

    /** View action of the chairs' page. */
    public void loadNotices() throws IOException {
        try {
            notices = id == null ? null : workgroups.notices(id);
        } catch (NoSuchWorkgroupItemException e) {
            notices = null;
        }
        if (notices == null) {
            WorkgroupPages.notFound();
        }
    }

    public PublicRelease getRelease() {
        if (release == null && id != null) {
            release = workgroups.publicRelease(id);
        }
        return release;
    }

    public List<NoticeLine> getNotices() {
        if (notices == null && id != null) {
            notices = workgroups.notices(id);
        }
        return notices;
    }

    public boolean isAdmin() {
        return workgroups.isAdmin();
    }

    public String release() {
        try {
            workgroups.release(id);
            return "/workgroups/release?faces-redirect=true&id=" + id;
        } catch (InvalidInputException e) {
            FormErrors.show("releaseNow", e.problems());
        } catch (NoSuchWorkgroupItemException e) {
            FormErrors.general("releaseNow", Texts.get("workgroup.notAllowed"));
        }
        return null;
    }

    public String withdraw() {
        try {
            workgroups.withdraw(id, reason);
            FormErrors.done("withdraw", Texts.get("workgroup.withdrawn"));
            release = null;
        } catch (InvalidInputException e) {
            FormErrors.show("withdraw", e.problems());
        } catch (NoSuchWorkgroupItemException e) {
            FormErrors.general("withdraw", Texts.get("workgroup.notAllowed"));
        }
        return null;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
