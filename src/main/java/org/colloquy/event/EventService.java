package org.colloquy.event;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.colloquy.account.MemberAddresses;
import org.colloquy.account.MemberDirectory;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.security.Caller;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.privacy.Consent;
import org.colloquy.sponsor.SponsorService;
import org.colloquy.sponsor.SponsorService.SponsorView;

/**
 * Webinars and registrations. Event managers create, edit and cancel webinars; members register,
 * choosing per sponsor and per field what that sponsor may receive (nothing by default,
 * P-SPONSOR-1), withdraw sharing with a sponsor or cancel. Each tick set under a sponsor becomes one
 * consent record of the exact wording shown; the sponsor context reads the registrations through
 * {@link #activeRegistrations} and decides with the consents what each sponsor may see.
 */
@Stateless
public class EventService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Caller caller;

    @Inject
    private SharingConsents sharing;

    @Inject
    private SponsorService sponsors;

    @Inject
    private EventMails mails;

    @Inject
    private MemberDirectory directory;

    /** What a member chose on the registration form. */
    public record RegistrationForm(String jobTitle, String organization, Map<Long, Set<SharedField>> shares) {
        public RegistrationForm {
            shares = shares == null ? Map.of() : Map.copyOf(shares);
        }
    }

    /** A member's own registration and what they share with each sponsor now (live consents). */
    public record MyRegistration(WebinarRegistration registration, Map<Long, Consent> sharing) {
    }

    // ------------------------------------------------------------------ reading

    public List<Webinar> upcoming() {
        return em.createNamedQuery("Webinar.upcoming", Webinar.class).setParameter("now", now()).getResultList();
    }

    public List<Webinar> past() {
        return em.createNamedQuery("Webinar.past", Webinar.class).setParameter("now", now()).setMaxResults(50).getResultList();
    }

    public Optional<Webinar> find(long webinarId) {
        return Optional.ofNullable(em.find(Webinar.class, webinarId));
    }

    public Webinar get(long webinarId) {
        return find(webinarId).orElseThrow(() -> new EventRefusedException(Texts.get("event.notFound")));
    }

    public List<SponsorView> sponsorsOf(Webinar webinar) {
        return sponsors.byIds(webinar.sponsorIds());
    }

    /** Webinars this sponsor sponsors, newest first. */
    public List<Webinar> sponsoredBy(long sponsorId) {
        return em.createNamedQuery("Webinar.sponsoredBy", Webinar.class).setParameter("sponsor", sponsorId).getResultList();
    }

    public long countRegistrations(long webinarId) {
        return em.createNamedQuery("WebinarRegistration.countActive", Long.class).setParameter("webinar", webinarId).getSingleResult();
    }

    /** One page of a webinar's active registrations in id order, after the id given (0 to start). */
    public List<WebinarRegistration> activeRegistrations(long webinarId, long afterId, int max) {
        return em.createNamedQuery("WebinarRegistration.activePage", WebinarRegistration.class)
                .setParameter("webinar", webinarId).setParameter("after", afterId).setMaxResults(max).getResultList();
    }

    /**
     * The same page as {@link #activeRegistrations}, for reading only: the registrations are not
     * managed (changes to them are never saved), so a page costs no copies and no comparison at
     * commit. A sponsor's export reads 100k of them (decision 0029).
     */
    public List<WebinarRegistration> activeRegistrationsToRead(long webinarId, long afterId, int max) {
        return em.createNamedQuery("WebinarRegistration.activePage", WebinarRegistration.class)
                .setParameter("webinar", webinarId).setParameter("after", afterId).setMaxResults(max)
                .setHint("eclipselink.read-only", "true").getResultList();
    }

    /** The signed-in member's registration for this webinar, if they have an active one. */
    public Optional<MyRegistration> mine(long webinarId) {
        return caller.memberId().flatMap(member -> registrationOf(member, webinarId));
    }

    public Optional<MyRegistration> registrationOf(long memberId, long webinarId) {
        Optional<WebinarRegistration> found = em.createNamedQuery("WebinarRegistration.of", WebinarRegistration.class)
                .setParameter("webinar", webinarId).setParameter("member", memberId).getResultStream()
                .filter(WebinarRegistration::isActive).findFirst();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MyRegistration(found.get(), sharing.live(memberId, webinarId, get(webinarId).sponsorIds())));
    }

    /** This member's registration for this webinar, active or cancelled. */
    /** A webinar a member is registered for, as another context reads it. */
    public record RegisteredWebinar(long webinarId, String title, OffsetDateTime registeredAt) {
    }

    /**
     * The webinars the member is registered for (cancelled registrations left out), newest
     * registration first: for the administrator of an organization that claims the member's email
     * domain (P-CORP-1).
     */
    public List<RegisteredWebinar> registeredWebinarsOf(long memberId) {
        return em.createNamedQuery("WebinarRegistration.activeOfMember", WebinarRegistration.class)
                .setParameter("member", memberId).getResultStream()
                .map(r -> {
                    Webinar w = em.find(Webinar.class, r.webinarId());
                    return w == null ? null : new RegisteredWebinar(w.id(), w.title(), r.registeredAt());
                })
                .filter(java.util.Objects::nonNull).toList();
    }

    /** A webinar's title, when it exists: for another context that names it (a sponsor's revocation notice in an export). */
    public Optional<String> titleOf(long webinarId) {
        return find(webinarId).map(Webinar::title);
    }

    /** The ids of every member who registered for the webinar, cancelled registrations included: for a breach notice scoped to it (P-BREACH-1). */
    public List<Long> registrantIds(long webinarId) {
        return em.createQuery("SELECT DISTINCT r.memberId FROM WebinarRegistration r WHERE r.webinarId = :webinar ORDER BY r.memberId", Long.class)
                .setParameter("webinar", webinarId).getResultList();
    }

    public Optional<WebinarRegistration> anyRegistration(long memberId, long webinarId) {
        return em.createNamedQuery("WebinarRegistration.of", WebinarRegistration.class)
                .setParameter("webinar", webinarId).setParameter("member", memberId).getResultStream().findFirst();
    }

    /** Why registration is not possible now (closed, full, cancelled), or empty when it is open. */
    public Optional<String> closedReason(Webinar webinar) {
        if (webinar.isCancelled()) {
            return Optional.of(Texts.get("event.register.cancelled"));
        }
        if (now().isAfter(webinar.registrationClosesAt())) {
            return Optional.of(Texts.get("event.register.closed"));
        }
        if (webinar.capacity() != null && countRegistrations(webinar.id()) >= webinar.capacity()) {
            return Optional.of(Texts.get("event.register.full"));
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ event managers

    /** Creates a webinar; for event managers. */
    public Webinar create(WebinarDraft draft) {
        requireManager();
        return createUnchecked(draft);
    }

    /**
     * A saved edit of a webinar: whether it changed what registrants' calendars show (time, title,
     * join link) and how many registrants were mailed the change.
     */
    public record WebinarUpdate(Webinar webinar, boolean calendarChanged, int registrantsTold) {
    }

    /** Changes a webinar and tells the registrants what changed of it; for event managers. See {@link #updateUnchecked}. */
    public WebinarUpdate update(long webinarId, WebinarDraft draft) {
        requireManager();
        return updateUnchecked(webinarId, draft);
    }

    /**
     * Changes a webinar. When its time, title or join link changed ({@link WebinarChange}), every
     * active registrant's calendar entry is revised and they are mailed what changed with the updated
     * file; cancelled registrations get nothing. Nor does anyone when the webinar is cancelled (the
     * file would bring back the entry its cancellation removed) or had ended and still has.
     * Demo content and tests call this without a signed-in event manager.
     */
    public WebinarUpdate updateUnchecked(long webinarId, WebinarDraft draft) {
        validate(draft);
        Webinar webinar = em.find(Webinar.class, webinarId, LockModeType.PESSIMISTIC_WRITE);
        if (webinar == null) {
            throw new EventRefusedException(Texts.get("event.notFound"));
        }
        WebinarChange.Shown before = WebinarChange.Shown.of(webinar);
        webinar.apply(draft);
        WebinarChange change = new WebinarChange(before, WebinarChange.Shown.of(webinar));
        if (!change.changesCalendars() || webinar.isCancelled() || change.allPast(now())) {
            return new WebinarUpdate(webinar, change.changesCalendars(), 0);
        }
        int told = 0;
        long after = 0;
        List<WebinarRegistration> page;
        while (!(page = activeRegistrations(webinarId, after, 500)).isEmpty()) {
            page.forEach(WebinarRegistration::reviseCalendar);
            told += mails.changed(webinar, change, page);
            after = page.get(page.size() - 1).id();
        }
        return new WebinarUpdate(webinar, true, told);
    }

    /** Cancels a webinar and tells every registrant; for event managers. */
    public void cancelWebinar(long webinarId) {
        requireManager();
        Webinar webinar = em.find(Webinar.class, webinarId, LockModeType.PESSIMISTIC_WRITE);
        if (webinar == null) {
            throw new EventRefusedException(Texts.get("event.notFound"));
        }
        if (webinar.isCancelled()) {
            return;
        }
        webinar.cancel(now());
        long after = 0;
        List<WebinarRegistration> page;
        while (!(page = activeRegistrations(webinarId, after, 500)).isEmpty()) {
            page.forEach(WebinarRegistration::reviseCalendar);
            mails.cancelled(webinar, page);
            after = page.get(page.size() - 1).id();
        }
    }

    /** A registrant as an event manager sees them: the username only (least access), when, and whether they attended. */
    public record Registrant(long memberId, String username, OffsetDateTime registeredAt, boolean attended) {
    }

    /** Who is registered now, in the order they registered; for event managers. */
    public List<Registrant> registrantsAsManager(long webinarId) {
        requireManager();
        List<WebinarRegistration> registrations = em.createNamedQuery("WebinarRegistration.activeByDate", WebinarRegistration.class)
                .setParameter("webinar", webinarId).getResultList();
        Map<Long, String> usernames = directory.usernames(registrations.stream().map(WebinarRegistration::memberId).toList());
        return registrations.stream().map(r -> new Registrant(r.memberId(), usernames.get(r.memberId()), r.registeredAt(), r.attended()))
                .toList();
    }

    /** Marks whether a registrant attended; for event managers. */
    public void markAttended(long webinarId, long memberId, boolean attended) {
        requireManager();
        em.createNamedQuery("WebinarRegistration.of", WebinarRegistration.class)
                .setParameter("webinar", webinarId).setParameter("member", memberId).getResultStream().findFirst()
                .orElseThrow(() -> new EventRefusedException(Texts.get("event.registration.notFound")))
                .attended(attended);
    }

    public boolean callerIsManager() {
        return caller.isInRole("EVENT_MANAGER") || caller.isInRole("ADMIN");
    }

    /** Demo content and tests: a webinar without a signed-in event manager. */
    public Webinar createUnchecked(WebinarDraft draft) {
        validate(draft);
        Webinar webinar = new Webinar(draft, now());
        em.persist(webinar);
        em.flush();
        return webinar;
    }

    // ------------------------------------------------------------------ members

    /** Registers the signed-in member (or changes what they share); see {@link #register(long, long, RegistrationForm)}. */
    public WebinarRegistration registerAsCaller(long webinarId, RegistrationForm form) {
        return register(caller.requireMemberId(), webinarId, form);
    }

    /**
     * Registers a member, or changes what an already registered member shares. Under each sponsor
     * the ticked fields become one consent of the exact wording shown; an unticked sponsor gets no
     * consent, and one that had a consent before has it withdrawn (prospectively).
     */
    public WebinarRegistration register(long memberId, long webinarId, RegistrationForm form) {
        Webinar webinar = em.find(Webinar.class, webinarId, LockModeType.PESSIMISTIC_WRITE);
        if (webinar == null) {
            throw new EventRefusedException(Texts.get("event.notFound"));
        }
        Map<String, String> problems = new LinkedHashMap<>();
        if (form.jobTitle() != null && form.jobTitle().strip().length() > WebinarRegistration.JOB_TITLE_LENGTH) {
            problems.put("jobTitle", Texts.get("event.register.jobTitle.tooLong", WebinarRegistration.JOB_TITLE_LENGTH));
        }
        if (form.organization() != null && form.organization().strip().length() > WebinarRegistration.ORGANIZATION_LENGTH) {
            problems.put("organization", Texts.get("event.register.organization.tooLong", WebinarRegistration.ORGANIZATION_LENGTH));
        }
        for (Long sponsorId : form.shares().keySet()) {
            if (!webinar.sponsorIds().contains(sponsorId)) {
                throw new EventRefusedException(Texts.get("event.register.notASponsor"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        OffsetDateTime now = now();
        Optional<WebinarRegistration> existing = em.createNamedQuery("WebinarRegistration.of", WebinarRegistration.class)
                .setParameter("webinar", webinarId).setParameter("member", memberId).getResultStream().findFirst();
        boolean wasActive = existing.map(WebinarRegistration::isActive).orElse(false);
        if (!wasActive) {
            closedReason(webinar).ifPresent(reason -> {
                throw new EventRefusedException(reason);
            });
        }
        WebinarRegistration registration = existing.orElseGet(() -> new WebinarRegistration(webinarId, memberId, now));
        if (existing.isEmpty()) {
            em.persist(registration);
        } else if (!wasActive) {
            registration.reopen(now);
        }
        registration.details(form.jobTitle(), form.organization());
        for (SponsorView sponsor : sponsorsOf(webinar)) {
            sharing.set(memberId, webinarId, sponsor.id(), sponsor.name(), webinar.title(),
                    form.shares().getOrDefault(sponsor.id(), Set.of()));
        }
        em.flush();
        if (!wasActive) {
            mails.registered(webinar, registration);
        }
        return registration;
    }

    /** The signed-in member stops sharing with one sponsor of a webinar (P-CONSENT-1, P-SPONSOR-3). */
    public void withdrawSharingAsCaller(long webinarId, long sponsorId, String via) {
        sharing.withdraw(caller.requireMemberId(), webinarId, sponsorId, via);
    }

    /** The signed-in member cancels their registration; see {@link #cancel}. */
    public void cancelAsCaller(long webinarId, String via) {
        cancel(caller.requireMemberId(), webinarId, via);
    }

    /**
     * A member cancels their own registration: every sharing consent for the webinar is withdrawn,
     * and they are mailed a confirmation with the cancellation of their calendar entry. Nothing
     * happens when they are not registered.
     */
    public void cancel(long memberId, long webinarId, String via) {
        cancel(memberId, webinarId, via, true);
    }

    private void cancel(long memberId, long webinarId, String via, boolean confirm) {
        // Locked as an edit or a registration locks it, so a change mailed to every registrant and
        // this cancellation do not both take the same calendar sequence.
        Webinar webinar = em.find(Webinar.class, webinarId, LockModeType.PESSIMISTIC_WRITE);
        if (webinar == null) {
            throw new EventRefusedException(Texts.get("event.notFound"));
        }
        Optional<WebinarRegistration> active = em.createNamedQuery("WebinarRegistration.of", WebinarRegistration.class)
                .setParameter("webinar", webinarId).setParameter("member", memberId).getResultStream()
                .filter(WebinarRegistration::isActive).findFirst();
        active.ifPresent(r -> r.cancel(now()));
        for (long sponsorId : webinar.sponsorIds()) {
            sharing.withdraw(memberId, webinarId, sponsorId, via);
        }
        if (confirm && active.isPresent()) {
            active.get().reviseCalendar();
            mails.registrationCancelled(webinar, active.get());
        }
    }

    /**
     * A member deleting their account (P-ACCOUNT-2): every registration for a webinar that has not
     * ended is cancelled, with its sharing consents; registrations of past webinars stay as the
     * record of attendance (under the account number only, since the account row names nobody).
     */
    public void cancelUpcoming(long memberId, String via) {
        OffsetDateTime now = now();
        List<WebinarRegistration> active = em.createNamedQuery("WebinarRegistration.activeOfMember", WebinarRegistration.class)
                .setParameter("member", memberId).getResultList();
        for (WebinarRegistration registration : active) {
            if (get(registration.webinarId()).endsAt().isAfter(now)) {
                // No mail: the account's mail goes with it, and the last one says what deletion did.
                cancel(memberId, registration.webinarId(), via, false);
            }
        }
    }

    // ------------------------------------------------------------------ checks

    private void requireManager() {
        if (!callerIsManager()) {
            throw new EventRefusedException(Texts.get("event.refused.notManager"));
        }
    }

    private void validate(WebinarDraft d) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (d.title() == null || d.title().isBlank()) {
            problems.put("title", Texts.get("event.edit.title.required"));
        } else if (d.title().strip().length() > Webinar.TITLE_LENGTH) {
            problems.put("title", Texts.get("event.edit.title.tooLong", Webinar.TITLE_LENGTH));
        }
        if (d.description() != null && d.description().length() > Webinar.DESCRIPTION_LENGTH) {
            problems.put("description", Texts.get("event.edit.description.tooLong", Webinar.DESCRIPTION_LENGTH));
        }
        boolean zoneOk = true;
        try {
            ZoneId.of(d.timeZone() == null ? "" : d.timeZone());
        } catch (DateTimeException e) {
            zoneOk = false;
            problems.put("timeZone", Texts.get("event.edit.timeZone.invalid"));
        }
        if (d.start() == null) {
            problems.put("start", Texts.get("event.edit.start.required"));
        }
        if (d.end() == null) {
            problems.put("end", Texts.get("event.edit.end.required"));
        } else if (d.start() != null && !d.end().isAfter(d.start())) {
            problems.put("end", Texts.get("event.edit.end.beforeStart"));
        }
        if (d.capacity() != null && d.capacity() < 1) {
            problems.put("capacity", Texts.get("event.edit.capacity.invalid"));
        }
        if (zoneOk && d.registrationDeadline() != null && d.end() != null && d.registrationDeadline().isAfter(d.end())) {
            problems.put("registrationDeadline", Texts.get("event.edit.deadline.afterEnd"));
        }
        if (d.joinLink() != null && !d.joinLink().isBlank()
                && (!d.joinLink().strip().startsWith("https://") || d.joinLink().strip().length() > Webinar.JOIN_LINK_LENGTH)) {
            problems.put("joinLink", Texts.get("event.edit.joinLink.invalid", Webinar.JOIN_LINK_LENGTH));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!sponsors.byIds(d.sponsorIds()).stream().map(SponsorView::id).toList().containsAll(d.sponsorIds())) {
            throw new InvalidInputException("sponsors", Texts.get("event.edit.sponsors.unknown"));
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
