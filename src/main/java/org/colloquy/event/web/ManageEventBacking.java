package org.colloquy.event.web;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.colloquy.event.EventRefusedException;
import org.colloquy.event.EventService;
import org.colloquy.event.EventService.WebinarUpdate;
import org.colloquy.event.WebinarDraft;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.platform.web.FormErrors;
import org.colloquy.sponsor.SponsorService;
import org.colloquy.sponsor.SponsorService.SponsorView;

/**
 * Creating and editing a webinar, {@code /manage/event[?id=N]}, for event managers: times are typed
 * as local date and time in the webinar's time zone; a refused field keeps what was typed and shows
 * why beside it. After an edit the webinar's page says how many registrants were mailed the change.
 */
@Named
@RequestScoped
public class ManageEventBacking {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Inject
    private EventService events;

    @Inject
    private SponsorService sponsorService;

    @Inject
    private HttpServletRequest request;

    @Inject
    private ExternalContext external;

    private long id;
    private boolean manager;
    private List<SponsorView> allSponsors;
    private String title;
    private String description;
    private String start;
    private String end;
    private String timeZone = "UTC";
    private String capacity;
    private String deadline;
    private String joinLink;
    private List<String> sponsors = new ArrayList<>();

    @PostConstruct
    void load() {
        manager = events.callerIsManager();
        allSponsors = sponsorService.all();
        id = EventPages.idParameter(request.getParameter("id"));
        if (id != 0 && !"POST".equals(request.getMethod())) {
            events.find(id).ifPresent(w -> {
                title = w.title();
                description = w.description();
                timeZone = w.zone().getId();
                start = LOCAL.format(w.startsAt().atZoneSameInstant(w.zone()));
                end = LOCAL.format(w.endsAt().atZoneSameInstant(w.zone()));
                capacity = w.capacity() == null ? null : w.capacity().toString();
                deadline = w.registrationDeadline() == null ? null : LOCAL.format(w.registrationDeadline().atZoneSameInstant(w.zone()));
                joinLink = w.joinLink();
                w.sponsorIds().forEach(s -> sponsors.add(s.toString()));
            });
        }
    }

    public String save() throws IOException {
        Map<String, String> problems = new LinkedHashMap<>();
        LocalDateTime startAt = parse("start", start, problems, true);
        LocalDateTime endAt = parse("end", end, problems, true);
        LocalDateTime deadlineAt = parse("registrationDeadline", deadline, problems, false);
        Integer places = null;
        if (capacity != null && !capacity.isBlank()) {
            try {
                places = Integer.valueOf(capacity.strip());
            } catch (NumberFormatException e) {
                problems.put("capacity", Texts.get("event.edit.capacity.invalid"));
            }
        }
        if (!problems.isEmpty()) {
            FormErrors.show("event", problems);
            return null;
        }
        WebinarDraft draft = new WebinarDraft(title, description, startAt, endAt, timeZone, places, deadlineAt, joinLink,
                sponsors.stream().map(Long::valueOf).toList());
        String page;
        try {
            if (id == 0) {
                page = "/event?id=" + events.create(draft).id();
            } else {
                WebinarUpdate update = events.update(id, draft);
                // The event page tells the manager whom the change was mailed to.
                page = "/event?id=" + update.webinar().id() + "&saved="
                        + (update.calendarChanged() ? Integer.toString(update.registrantsTold()) : EventPageBacking.SAVED_UNCHANGED);
            }
        } catch (InvalidInputException e) {
            FormErrors.show("event", e.problems());
            return null;
        } catch (EventRefusedException e) {
            FormErrors.general("event", e.getMessage());
            return null;
        }
        external.redirect(external.getRequestContextPath() + page);
        return null;
    }

    public String cancelWebinar() throws IOException {
        try {
            events.cancelWebinar(id);
        } catch (EventRefusedException e) {
            FormErrors.general("event", e.getMessage());
            return null;
        }
        external.redirect(external.getRequestContextPath() + "/event?id=" + id);
        return null;
    }

    private static LocalDateTime parse(String field, String value, Map<String, String> problems, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.put(field, Texts.get("event.edit." + field + ".required"));
            }
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.put(field, Texts.get("event.edit.dateTime.invalid"));
            return null;
        }
    }

    public long getId() {
        return id;
    }

    public boolean isManager() {
        return manager;
    }

    public List<SponsorView> getAllSponsors() {
        return allSponsors;
    }

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getStart() { return start; }
    public void setStart(String start) { this.start = start; }
    public String getEnd() { return end; }
    public void setEnd(String end) { this.end = end; }
    public String getTimeZone() { return timeZone; }
    public void setTimeZone(String timeZone) { this.timeZone = timeZone; }
    public String getCapacity() { return capacity; }
    public void setCapacity(String capacity) { this.capacity = capacity; }
    public String getDeadline() { return deadline; }
    public void setDeadline(String deadline) { this.deadline = deadline; }
    public String getJoinLink() { return joinLink; }
    public void setJoinLink(String joinLink) { this.joinLink = joinLink; }
    public List<String> getSponsors() { return sponsors; }
    public void setSponsors(List<String> sponsors) { this.sponsors = sponsors; }
}
