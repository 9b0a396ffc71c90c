package org.colloquy.rights;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.colloquy.account.AddressOwners;
import org.colloquy.account.Emails;
import org.colloquy.account.MemberAddresses;
import org.colloquy.account.MemberDirectory;
import org.colloquy.account.Role;
import org.colloquy.account.StaffAction;
import org.colloquy.account.StaffLog;
import org.colloquy.account.Tokens;
import org.colloquy.account.UnderAgeHolds;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.throttle.Limit;
import org.colloquy.platform.throttle.Throttle;
import org.colloquy.platform.validation.InvalidInputException;

/**
 * The work of rights requests and under-age reports (P-RIGHTS-1, P-CHILD-1) for a given member id
 * or for anyone by the public forms: {@link RightsService} and {@link RightsOffice} call it for the
 * signed-in caller, demo content and tests for a member they name. Every officer action checks the
 * role again in the database. Public forms answer the same whether or not an address or a username
 * belongs to an account; that is recorded for the officer only, once the mailed link is followed.
 */
@Stateless
@PermitAll
public class RightsDesk {

    /** Mails with a link to one address: a person may retry, a stranger may not flood an inbox. */
    static final Limit LINKS_PER_ADDRESS = new Limit("rights-link", 3, 10);

    /** A request as the officer's queue shows it. */
    public record QueueRow(RightsRequest request, boolean overdue, boolean dueSoon, String account, List<HistoryEntry> history) {
    }

    /** A report as the officer's queue shows it; {@code suspended} is the account's state now. */
    public record ReportRow(UnderAgeReport report, boolean suspended, List<HistoryEntry> history) {
    }

    /** What a followed link confirmed. */
    public enum Confirmed { REQUEST, REPORT }

    @Inject
    private RightsRepository repository;

    @Inject
    private RightsMails mails;

    @Inject
    private MemberAddresses addresses;

    @Inject
    private AddressOwners owners;

    @Inject
    private MemberDirectory directory;

    @Inject
    private UnderAgeHolds holds;

    @Inject
    private StaffLog staffLog;

    @Inject
    private Throttle throttle;

    // --- requests ---

    /** A signed-in member's request: verified at once (it comes from the account), due in 30 days. */
    public RightsRequest requestAsMember(long memberId, RequestKind kind, String description) {
        String text = checkRequest(kind, description, null, false);
        MemberAddresses.Address address = addresses.contacts(List.of(memberId)).get(memberId);
        if (address == null) {
            throw new NoSuchRightsItemException("There is no member " + memberId);
        }
        OffsetDateTime now = now();
        RightsRequest request = RightsRequest.fromMember(memberId, address.email(), kind, text, now);
        repository.add(request);
        repository.flush();
        history(request, HistoryEntry.What.RECEIVED, memberId, null, now);
        history(request, HistoryEntry.What.VERIFIED, memberId, Texts.get("rights.history.signedIn"), now);
        mails.received(address.email(), request);
        return request;
    }

    /**
     * A request by the public form: stored unverified and a link mailed to the address given. The
     * caller learns nothing more, whatever the address.
     */
    public void requestFromPublic(RequestKind kind, String email, String description) {
        String text = checkRequest(kind, description, email, true);
        String address = email.strip();
        throttle.attempt("rights-link:" + Emails.key(address), LINKS_PER_ADDRESS);
        String token = Tokens.newToken();
        OffsetDateTime now = now();
        RightsRequest request = RightsRequest.fromPublic(address, kind, text, Tokens.hash(token), now);
        repository.add(request);
        repository.flush();
        history(request, HistoryEntry.What.RECEIVED, null, null, now);
        mails.confirmRequest(address, kind, token);
    }

    public List<RightsRequest> requestsOf(long memberId) {
        return repository.requestsOf(memberId);
    }

    // --- under-age reports ---

    /** A parent's or guardian's report by the public form: stored unverified, a link mailed; the same answer for any username. */
    public void reportUnderAge(String username, String relationship, String email, String explanation) {
        Map<String, String> problems = new LinkedHashMap<>();
        String name = required(problems, "username", username, UnderAgeReport.USERNAME_LENGTH, "rights.report.username");
        String rel = required(problems, "relationship", relationship, UnderAgeReport.RELATIONSHIP_LENGTH, "rights.report.relationship");
        if (email == null || !Emails.looksValid(email.strip()) || email.strip().length() > RightsRequest.EMAIL_LENGTH) {
            problems.put("email", Texts.get("rights.email.invalid"));
        }
        String why = required(problems, "explanation", explanation, UnderAgeReport.EXPLANATION_LENGTH, "rights.report.explanation");
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String address = email.strip();
        throttle.attempt("rights-link:" + Emails.key(address), LINKS_PER_ADDRESS);
        String token = Tokens.newToken();
        OffsetDateTime now = now();
        UnderAgeReport report = new UnderAgeReport(name.startsWith("@") ? name.substring(1) : name, address, rel, why,
                Tokens.hash(token), now);
        repository.add(report);
        repository.flush();
        history(report, HistoryEntry.What.RECEIVED, null, null, now);
        mails.confirmReport(address, token);
    }

    // --- the mailed link ---

    /** Whether a link can still be followed (the confirmation page says so before the button). */
    public boolean isLinkUsable(String token) {
        if (!plausible(token)) {
            return false;
        }
        OffsetDateTime now = now();
        String hash = Tokens.hash(token);
        return repository.requestByToken(hash).map(r -> r.isLinkUsable(now)).orElse(false)
                || repository.reportByToken(hash).map(r -> r.isLinkUsable(now)).orElse(false);
    }

    /**
     * Follows a mailed link once. A request is then verified and its 30 days start; a report holds
     * the named account (suspended) for review.
     *
     * @return what was confirmed, empty when the link is unknown, used or expired
     */
    public Optional<Confirmed> confirm(String token) {
        if (!plausible(token)) {
            return Optional.empty();
        }
        OffsetDateTime now = now();
        String hash = Tokens.hash(token);
        Optional<RightsRequest> request = repository.requestByToken(hash).filter(r -> r.isLinkUsable(now));
        if (request.isPresent()) {
            RightsRequest r = request.get();
            r.verify(now);
            r.accountOwner(owners.memberIdOf(r.requesterEmail()).orElse(null));
            history(r, HistoryEntry.What.VERIFIED, null, Texts.get("rights.history.link"), now);
            mails.received(r.requesterEmail(), r);
            return Optional.of(Confirmed.REQUEST);
        }
        Optional<UnderAgeReport> report = repository.reportByToken(hash).filter(r -> r.isLinkUsable(now));
        if (report.isPresent()) {
            UnderAgeReport r = report.get();
            Optional<Long> account = directory.idOf(r.username());
            Optional<UnderAgeHolds.Hold> hold = account.map(id -> holds.hold(id, detail(r), Texts.get("rights.report.holdReason")));
            r.verify(account.orElse(null), hold.orElse(null) == UnderAgeHolds.Hold.HELD, now);
            history(r, HistoryEntry.What.VERIFIED, null, null, now);
            history(r, hold.map(h -> h == UnderAgeHolds.Hold.HELD ? HistoryEntry.What.HELD : HistoryEntry.What.NOT_HELD)
                    .orElse(HistoryEntry.What.NO_SUCH_ACCOUNT), null, hold.map(h -> h == UnderAgeHolds.Hold.HELD ? null
                    : Texts.get("rights.history.notHeld." + h.name())).orElse(null), now);
            mails.reportReceived(r.reporterEmail());
            return Optional.of(Confirmed.REPORT);
        }
        return Optional.empty();
    }

    // --- the privacy officer ---

    /**
     * Every request: overdue ones first (oldest due first), then the other open ones by due date,
     * then unverified ones, then closed ones, newest first.
     */
    public List<QueueRow> queue(long officerId, OffsetDateTime now) {
        requireOfficer(officerId);
        List<RightsRequest> all = repository.requests();
        Map<Long, String> usernames = directory.usernames(all.stream()
                .flatMap(r -> Stream.of(r.memberId(), r.accountMemberId())).filter(Objects::nonNull).toList());
        Comparator<RightsRequest> order = Comparator.comparingInt((RightsRequest r) -> rank(r, now))
                .thenComparing(r -> r.isOpen() ? r.dueAt() : OffsetDateTime.MAX)
                .thenComparing(RightsRequest::receivedAt, Comparator.reverseOrder());
        List<QueueRow> rows = new ArrayList<>();
        all.stream().sorted(order).forEach(r -> rows.add(new QueueRow(r, r.isOverdue(now), r.isDueSoon(now),
                r.accountMemberId() == null ? null : usernames.get(r.accountMemberId()), repository.historyOfRequest(r.id()))));
        return rows;
    }

    private static int rank(RightsRequest r, OffsetDateTime now) {
        if (r.isOverdue(now)) {
            return 0;
        }
        if (r.isOpen()) {
            return 1;
        }
        return r.status() == RequestStatus.UNVERIFIED ? 2 : 3;
    }

    /** The officer takes the request up: it shows as in progress. */
    public void start(long officerId, long requestId) {
        requireOfficer(officerId);
        RightsRequest request = repository.request(requestId);
        if (request.status() != RequestStatus.RECEIVED) {
            throw new RightsRefusedException(Texts.get("rights.refused.notReceived"));
        }
        request.start();
        history(request, HistoryEntry.What.STARTED, officerId, null, now());
    }

    /** Records the answer, mails it to the requester and closes the request (refused when the outcome is). */
    public void answer(long officerId, long requestId, Outcome outcome, String text) {
        requireOfficer(officerId);
        Map<String, String> problems = new LinkedHashMap<>();
        if (outcome == null) {
            problems.put("outcome", Texts.get("rights.outcome.required"));
        }
        String answer = required(problems, "answer", text, RightsRequest.DESCRIPTION_LENGTH, "rights.answer");
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        RightsRequest request = repository.request(requestId);
        if (!request.isOpen()) {
            throw new RightsRefusedException(Texts.get("rights.refused.notOpen"));
        }
        OffsetDateTime now = now();
        request.answer(outcome, answer, now);
        history(request, HistoryEntry.What.ANSWERED, officerId, Texts.get("rights.outcome." + outcome.name()) + ": " + answer, now);
        Long subject = request.memberId() != null ? request.memberId() : request.accountMemberId();
        if (subject != null) {
            staffLog.record(officerId, subject, StaffAction.Kind.ANSWER_RIGHTS_REQUEST, "rights request " + request.id(),
                    outcome.name() + ": " + answer);
        }
        mails.answer(request);
    }

    public List<ReportRow> reports(long officerId) {
        requireOfficer(officerId);
        return repository.reports().stream()
                .map(r -> new ReportRow(r, r.memberId() != null && holds.isSuspended(r.memberId()), repository.historyOfReport(r.id())))
                .toList();
    }

    /**
     * The report is right: the account stays suspended, is deactivated, and waits for deletion
     * (the account-deletion feature is not built yet). The reporter is told.
     */
    public void confirmReport(long officerId, long reportId, String note) {
        decide(officerId, reportId, note, ReportStatus.CONFIRMED);
    }

    /** The report is not borne out: a hold it made is lifted; the reporter is told. */
    public void dismissReport(long officerId, long reportId, String note) {
        decide(officerId, reportId, note, ReportStatus.DISMISSED);
    }

    private void decide(long officerId, long reportId, String note, ReportStatus decision) {
        requireOfficer(officerId);
        Map<String, String> problems = new LinkedHashMap<>();
        String why = required(problems, "note", note, UnderAgeReport.NOTE_LENGTH, "rights.report.note");
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        UnderAgeReport report = repository.report(reportId);
        if (!report.isInReview()) {
            throw new RightsRefusedException(Texts.get("rights.refused.notInReview"));
        }
        OffsetDateTime now = now();
        if (report.memberId() != null) {
            if (decision == ReportStatus.CONFIRMED) {
                holds.confirm(officerId, report.memberId(), detail(report), why);
            } else {
                holds.dismiss(officerId, report.memberId(), report.held(), detail(report), why);
            }
        }
        report.decide(decision, officerId, why, now);
        history(report, decision == ReportStatus.CONFIRMED ? HistoryEntry.What.CONFIRMED : HistoryEntry.What.DISMISSED, officerId, why, now);
        mails.reportOutcome(report);
    }

    // --- escalation ---

    /**
     * Mails every privacy officer about open requests due within 7 days or past due that were not
     * yet escalated to that stage, and records each escalation in the request's history; each stage
     * is escalated at most once (claimed by a conditional UPDATE, so two nodes never both do it).
     *
     * @return the requests escalated by this call
     */
    public List<RightsRequest> escalate(OffsetDateTime now) {
        List<RightsRequest> escalated = new ArrayList<>();
        for (RightsRequest r : repository.toEscalate(now.plusDays(7), 2)) {
            int stage = r.isOverdue(now) ? 2 : 1;
            if (stage > r.escalationStage() && repository.claimEscalation(r.id(), stage)) {
                history(r, stage == 2 ? HistoryEntry.What.ESCALATED_OVERDUE : HistoryEntry.What.ESCALATED_DUE_SOON, null,
                        Texts.get("rights.history.escalated", RightsMails.day(r.dueAt())), now);
                escalated.add(r);
            }
        }
        if (!escalated.isEmpty()) {
            for (MemberAddresses.Address officer : addresses.withRole(Role.PRIVACY_OFFICER)) {
                mails.escalation(officer.email(), officer.name(), escalated, now);
            }
        }
        return escalated;
    }

    // --- helpers ---

    private void requireOfficer(long memberId) {
        if (!directory.holdsRole(memberId, Role.PRIVACY_OFFICER) && !directory.holdsRole(memberId, Role.ADMIN)) {
            throw new RightsRefusedException(Texts.get("rights.refused.notOfficer"));
        }
    }

    private String checkRequest(RequestKind kind, String description, String email, boolean needsEmail) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (kind == null) {
            problems.put("kind", Texts.get("rights.kind.required"));
        }
        if (needsEmail && (email == null || !Emails.looksValid(email.strip()) || email.strip().length() > RightsRequest.EMAIL_LENGTH)) {
            problems.put("email", Texts.get("rights.email.invalid"));
        }
        String text = required(problems, "description", description, RightsRequest.DESCRIPTION_LENGTH, "rights.description");
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return text;
    }

    /** @param key the text key's stem: {@code <key>.required} and {@code <key>.tooLong} with {0} the limit */
    private static String required(Map<String, String> problems, String field, String value, int max, String key) {
        if (value == null || value.isBlank()) {
            problems.put(field, Texts.get(key + ".required"));
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            problems.put(field, Texts.get(key + ".tooLong", max));
        }
        return stripped;
    }

    private static boolean plausible(String token) {
        return token != null && !token.isBlank() && token.length() <= 100;
    }

    /** Flushed at once: entries of one moment are ordered by id, and EclipseLink does not keep the order of persists. */
    private void history(RightsRequest request, HistoryEntry.What what, Long actorId, String note, OffsetDateTime at) {
        repository.add(HistoryEntry.ofRequest(request.id(), what, actorId, note, at));
        repository.flush();
    }

    private void history(UnderAgeReport report, HistoryEntry.What what, Long actorId, String note, OffsetDateTime at) {
        repository.add(HistoryEntry.ofReport(report.id(), what, actorId, note, at));
        repository.flush();
    }

    private static String detail(UnderAgeReport report) {
        return "under-age report " + report.id();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
