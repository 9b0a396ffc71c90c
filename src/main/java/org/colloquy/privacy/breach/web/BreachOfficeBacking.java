package org.colloquy.privacy.breach.web;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.platform.web.FormErrors;
import org.colloquy.privacy.breach.BreachNotice;
import org.colloquy.privacy.breach.BreachNotices;
import org.colloquy.privacy.breach.BreachPreview;
import org.colloquy.privacy.breach.BreachRefusedException;
import org.colloquy.privacy.breach.BreachReport;
import org.colloquy.privacy.breach.BreachScope;
import org.colloquy.privacy.breach.BreachScopes;
import org.colloquy.privacy.breach.RecipientChoice;
import org.omnifaces.cdi.ViewScoped;

/**
 * {@code /privacy-office/breaches}: the privacy officer records a breach, sees how many members it
 * affects and the notice as they will read it, then sends it; below, every breach recorded with its
 * counts. {@code ?preview=ID} opens the preview of a breach recorded but not yet sent.
 */
@Named
@ViewScoped
public class BreachOfficeBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private BreachNotices notices;

    private String title;
    private String whatHappened;
    private LocalDate occurredOn;
    private LocalDate discoveredOn;
    private String dataConcerned;
    private String measures;
    private String memberAdvice;
    private String contact;
    private BreachScope scope;
    private String recipientKey;
    private LocalDate bannerUntil;
    private Long categoryId;
    private Long workgroupId;
    private Long webinarId;
    private LocalDate joinedFrom;
    private LocalDate joinedTo;
    private transient java.util.Map<BreachScope, List<BreachScopes.ScopeChoice>> choices;

    /** The breach being previewed before sending, or null. */
    private Long previewId;
    private BreachPreview preview;
    private transient List<RecipientChoice> recipients;
    private transient List<BreachNotice> breaches;

    /** View action: {@code ?preview=ID} loads that breach's preview. */
    public void load() {
        if (previewId != null && preview == null) {
            try {
                preview = notices.preview(previewId);
            } catch (BreachRefusedException e) {
                previewId = null;
                FormErrors.general("record", e.getMessage());
            }
        }
    }

    public String record() {
        try {
            Long targetId = scope == BreachScope.FORUM_CATEGORY ? categoryId
                    : scope == BreachScope.WORKGROUP ? workgroupId : scope == BreachScope.WEBINAR ? webinarId : null;
            BreachNotice recorded = notices.record(new BreachReport(title, whatHappened, occurredOn, discoveredOn, dataConcerned,
                    measures, memberAdvice, contact, scope, recipientKey, bannerUntil, targetId, joinedFrom, joinedTo));
            previewId = recorded.id();
            preview = notices.preview(previewId);
            breaches = null;
            title = whatHappened = dataConcerned = measures = memberAdvice = contact = recipientKey = null;
            occurredOn = discoveredOn = bannerUntil = joinedFrom = joinedTo = null;
            categoryId = workgroupId = webinarId = null;
            scope = null;
            FormErrors.done("send", Texts.get("breach.office.recorded"));
        } catch (InvalidInputException e) {
            FormErrors.show("record", e.problems());
        }
        return null;
    }

    public String send() {
        try {
            BreachNotice sent = notices.send(previewId);
            FormErrors.done("past", Texts.get("breach.office.sent", sent.affectedCount(), sent.mailedCount()));
            previewId = null;
            preview = null;
            breaches = null;
        } catch (BreachRefusedException e) {
            FormErrors.general("send", e.getMessage());
        }
        return null;
    }

    public List<BreachScope> getScopes() {
        return Arrays.asList(BreachScope.values());
    }

    /** The categories, workgroups or webinars to choose from for a scope that names one (by the scope's name). */
    public List<BreachScopes.ScopeChoice> choices(String scopeName) {
        if (choices == null) {
            choices = new java.util.EnumMap<>(BreachScope.class);
        }
        return choices.computeIfAbsent(BreachScope.valueOf(scopeName), notices::scopeChoices);
    }

    public Long getCategoryId() {
        return categoryId;
    }

    public void setCategoryId(Long categoryId) {
        this.categoryId = categoryId;
    }

    public Long getWorkgroupId() {
        return workgroupId;
    }

    public void setWorkgroupId(Long workgroupId) {
        this.workgroupId = workgroupId;
    }

    public Long getWebinarId() {
        return webinarId;
    }

    public void setWebinarId(Long webinarId) {
        this.webinarId = webinarId;
    }

    public LocalDate getJoinedFrom() {
        return joinedFrom;
    }

    public void setJoinedFrom(LocalDate joinedFrom) {
        this.joinedFrom = joinedFrom;
    }

    public LocalDate getJoinedTo() {
        return joinedTo;
    }

    public void setJoinedTo(LocalDate joinedTo) {
        this.joinedTo = joinedTo;
    }

    public List<RecipientChoice> getRecipients() {
        if (recipients == null) {
            recipients = notices.recipients();
        }
        return recipients;
    }

    public List<BreachNotice> getBreaches() {
        if (breaches == null) {
            breaches = notices.list();
        }
        return breaches;
    }

    public BreachPreview getPreview() {
        return preview;
    }

    /** A few affected members' usernames, joined for the preview. */
    public String getSomeUsernames() {
        return preview == null ? "" : String.join(", ", preview.someUsernames());
    }

    public Long getPreviewId() {
        return previewId;
    }

    public void setPreviewId(Long previewId) {
        this.previewId = previewId;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getWhatHappened() {
        return whatHappened;
    }

    public void setWhatHappened(String whatHappened) {
        this.whatHappened = whatHappened;
    }

    public LocalDate getOccurredOn() {
        return occurredOn;
    }

    public void setOccurredOn(LocalDate occurredOn) {
        this.occurredOn = occurredOn;
    }

    public LocalDate getDiscoveredOn() {
        return discoveredOn;
    }

    public void setDiscoveredOn(LocalDate discoveredOn) {
        this.discoveredOn = discoveredOn;
    }

    public String getDataConcerned() {
        return dataConcerned;
    }

    public void setDataConcerned(String dataConcerned) {
        this.dataConcerned = dataConcerned;
    }

    public String getMeasures() {
        return measures;
    }

    public void setMeasures(String measures) {
        this.measures = measures;
    }

    public String getMemberAdvice() {
        return memberAdvice;
    }

    public void setMemberAdvice(String memberAdvice) {
        this.memberAdvice = memberAdvice;
    }

    public String getContact() {
        return contact;
    }

    public void setContact(String contact) {
        this.contact = contact;
    }

    public BreachScope getScope() {
        return scope;
    }

    public void setScope(BreachScope scope) {
        this.scope = scope;
    }

    public String getRecipientKey() {
        return recipientKey;
    }

    public void setRecipientKey(String recipientKey) {
        this.recipientKey = recipientKey;
    }

    public LocalDate getBannerUntil() {
        return bannerUntil;
    }

    public void setBannerUntil(LocalDate bannerUntil) {
        this.bannerUntil = bannerUntil;
    }
}
