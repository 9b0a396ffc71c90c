package org.colloquy.event.web;

import java.io.IOException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.colloquy.event.EventRefusedException;
import org.colloquy.event.EventService;
import org.colloquy.event.EventService.MyRegistration;
import org.colloquy.event.EventService.RegistrationForm;
import org.colloquy.event.SharedField;
import org.colloquy.event.Webinar;
import org.colloquy.platform.web.FormErrors;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.privacy.Consent;
import org.colloquy.profile.ProfileField;
import org.colloquy.profile.ProfileService;
import org.colloquy.sponsor.SponsorService.SponsorView;

/**
 * Registering for a webinar, {@code /event-register?id=N}: under each sponsor one checkbox per field,
 * none ticked for a new registration (P-SPONSOR-1); a registered member sees what they share now and
 * can change it, stop sharing with one sponsor, or cancel (P-CONSENT-1). Job title and organization
 * start from the member's profile.
 */
@Named
@RequestScoped
public class EventRegisterBacking {

    public static final String VIA_EVENT_PAGE = "Webinar page";

    @Inject
    private EventService events;

    @Inject
    private ProfileService profiles;

    @Inject
    private HttpServletRequest request;

    @Inject
    private ExternalContext external;

    private Webinar webinar;
    private List<SponsorView> sponsors = List.of();
    private Optional<MyRegistration> mine = Optional.empty();
    private String closedReason;
    private String jobTitle;
    private String organization;
    private final Map<String, Boolean> ticks = new HashMap<>();

    @PostConstruct
    void load() {
        webinar = events.find(EventPages.idParameter(request.getParameter("id"))).orElse(null);
        if (webinar == null) {
            return;
        }
        sponsors = events.sponsorsOf(webinar);
        mine = events.mine(webinar.id());
        closedReason = events.closedReason(webinar).orElse(null);
        if (mine.isPresent()) {
            jobTitle = mine.get().registration().jobTitle();
            organization = mine.get().registration().organization();
            mine.get().sharing().forEach((sponsorId, consent) -> consent.fields()
                    .forEach(field -> SharedField.ofKey(field).ifPresent(f -> ticks.put(key(sponsorId, f), true))));
        } else {
            var profile = profiles.mine();
            jobTitle = profile.value(ProfileField.JOB_TITLE);
            organization = profile.value(ProfileField.ORGANIZATION);
        }
    }

    public String register() throws IOException {
        Map<Long, Set<SharedField>> shares = new LinkedHashMap<>();
        for (SponsorView sponsor : sponsors) {
            EnumSet<SharedField> ticked = EnumSet.noneOf(SharedField.class);
            for (SharedField f : SharedField.values()) {
                if (Boolean.TRUE.equals(ticks.get(key(sponsor.id(), f)))) {
                    ticked.add(f);
                }
            }
            shares.put(sponsor.id(), ticked);
        }
        boolean wasRegistered = mine.isPresent();
        try {
            events.registerAsCaller(webinar.id(), new RegistrationForm(jobTitle, organization, shares));
        } catch (InvalidInputException e) {
            FormErrors.show("register", e.problems());
            return null;
        } catch (EventRefusedException e) {
            FormErrors.general("register", e.getMessage());
            return null;
        }
        return done(wasRegistered ? "changed" : "registered");
    }

    public String withdraw(long sponsorId) throws IOException {
        events.withdrawSharingAsCaller(webinar.id(), sponsorId, VIA_EVENT_PAGE);
        return done("withdrawn");
    }

    public String cancel() throws IOException {
        events.cancelAsCaller(webinar.id(), VIA_EVENT_PAGE);
        return done("cancelled");
    }

    private String done(String what) throws IOException {
        external.redirect(external.getRequestContextPath() + "/event-register?id=" + webinar.id() + "&done=" + what);
        return null;
    }

    public static String key(long sponsorId, SharedField field) {
        return sponsorId + "-" + field.name();
    }

    public String tickKey(long sponsorId, SharedField field) {
        return key(sponsorId, field);
    }

    public List<SharedField> getFields() {
        return List.of(SharedField.values());
    }

    /** What the member shares with this sponsor now, as words ("email address, name"), or null. */
    public String sharingWith(long sponsorId) {
        Consent consent = mine.map(m -> m.sharing().get(sponsorId)).orElse(null);
        if (consent == null) {
            return null;
        }
        return String.join(", ", consent.fields().stream().map(k -> SharedField.ofKey(k).map(SharedField::label).orElse(k)).toList());
    }

    public String getDone() {
        String done = request.getParameter("done");
        return done != null && done.matches("registered|changed|withdrawn|cancelled") ? done : null;
    }

    public Webinar getWebinar() {
        return webinar;
    }

    public List<SponsorView> getSponsors() {
        return sponsors;
    }

    public boolean isRegistered() {
        return mine.isPresent();
    }

    public String getClosedReason() {
        return closedReason;
    }

    public Map<String, Boolean> getTicks() {
        return ticks;
    }

    public String getJobTitle() {
        return jobTitle;
    }

    public void setJobTitle(String jobTitle) {
        this.jobTitle = jobTitle;
    }

    public String getOrganization() {
        return organization;
    }

    public void setOrganization(String organization) {
        this.organization = organization;
    }
}
