package org.colloquy.removal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.colloquy.account.MemberAddresses;
import org.colloquy.account.MemberDirectory;
import org.colloquy.account.Role;
import org.colloquy.account.StaffAction;
import org.colloquy.account.StaffLog;
import org.colloquy.forum.ForumViews;
import org.colloquy.forum.ForumWriter;
import org.colloquy.forum.NoSuchForumItemException;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.validation.InvalidInputException;

/**
 * Removal requests for a member named by id (P-REMOVE-1): {@link RemovalService} passes the
 * signed-in caller's id, demo content and tests their own. Only an item's author asks for its
 * removal; only a privacy officer or administrator (checked here against the database, whatever the
 * session says) reviews and decides. Decisions act through the forum's {@link ForumWriter}, go into
 * the staff log, and are told to the member by mail with the reason; a refusal may be appealed once
 * and another officer decides the appeal. {@link #escalate} tells every privacy officer about
 * requests near or past their due date, at most once a day per request and stage.
 */
@Stateless
@PermitAll
public class RemovalDesk {

    /** The most open requests the officers' queue lists. */
    public static final int QUEUE_PAGE = 200;

    /** A request with the item as the member or officer sees it (empty when the item is gone). */
    public record Row(RemovalRequest request, ForumViews.ModeratedPost post) {

        public boolean hasPost() {
            return post != null;
        }
    }

    @Inject
    private RemovalRepository repository;

    @Inject
    private ForumWriter writer;

    @Inject
    private MemberDirectory directory;

    @Inject
    private MemberAddresses addresses;

    @Inject
    private StaffLog staffLog;

    @Inject
    private RemovalMails mails;

    /**
     * The author asks for the removal of their personal information from their own post.
     *
     * @throws RemovalRefusedException when the post is not theirs (or there is none), is deleted, or
     *         a request for it is open already
     */
    public RemovalRequest request(long memberId, long postId, RemovalRequest.Wanted wanted, String explanation) {
        String words = explanation == null ? "" : explanation.strip();
        Map<String, String> problems = new LinkedHashMap<>();
        if (wanted == null) {
            problems.put("wanted", Texts.get("removal.wanted.required"));
        }
        if (words.length() > RemovalRequest.EXPLANATION_LENGTH) {
            problems.put("explanation", Texts.get("removal.explanation.tooLong", RemovalRequest.EXPLANATION_LENGTH));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ForumViews.ModeratedPost post = ownPost(memberId, postId);
        if (post.post().isDeleted()) {
            throw new RemovalRefusedException(Texts.get("removal.refused.deleted"));
        }
        if (repository.openFor(RemovalRequest.ItemKind.FORUM_POST, postId).isPresent()) {
            throw new RemovalRefusedException(Texts.get("removal.refused.open"));
        }
        RemovalRequest request = new RemovalRequest(memberId, RemovalRequest.ItemKind.FORUM_POST, postId, wanted,
                words.isEmpty() ? null : words, now());
        repository.add(request);
        return request;
    }

    /** The member's own post for the request page; refused as "not yours" for anyone else's. */
    public ForumViews.ModeratedPost ownPost(long memberId, long postId) {
        try {
            return writer.ownPostForAppeal(memberId, postId);
        } catch (NoSuchForumItemException e) {
            throw new RemovalRefusedException(Texts.get("removal.refused.notYours"));
        }
    }

    /** The member's requests, newest first, each with its post. */
    public List<Row> ofMember(long memberId) {
        List<Row> rows = new ArrayList<>();
        for (RemovalRequest r : repository.ofMember(memberId)) {
            ForumViews.ModeratedPost post;
            try {
                post = writer.ownPostForAppeal(memberId, r.itemId());
            } catch (NoSuchForumItemException e) {
                post = null;
            }
            rows.add(new Row(r, post));
        }
        return rows;
    }

    /**
     * The member appeals a refusal of their request, once, in their words; the request is open again
     * with a new due date, for an officer other than the one who refused.
     */
    public RemovalRequest appeal(long memberId, long requestId, String statement) {
        String words = statement == null ? "" : statement.strip();
        if (words.isEmpty()) {
            throw new InvalidInputException("statement", Texts.get("removal.appeal.statement.required"));
        }
        if (words.length() > RemovalRequest.EXPLANATION_LENGTH) {
            throw new InvalidInputException("statement", Texts.get("removal.explanation.tooLong", RemovalRequest.EXPLANATION_LENGTH));
        }
        RemovalRequest request = repository.lock(requestId).filter(r -> r.memberId() == memberId)
                .orElseThrow(() -> new RemovalRefusedException(Texts.get("removal.refused.noRequest")));
        if (request.isAppealed()) {
            throw new RemovalRefusedException(Texts.get("removal.appeal.once"));
        }
        if (!request.isAppealable()) {
            throw new RemovalRefusedException(Texts.get("removal.appeal.nothing"));
        }
        if (repository.openFor(request.itemKind(), request.itemId()).isPresent()) {
            throw new RemovalRefusedException(Texts.get("removal.refused.open"));
        }
        request.appeal(words, now());
        return request;
    }

    /** Open requests, the oldest due first, for a privacy officer. */
    public List<RemovalRequest> queue(long officerId) {
        requireOfficer(officerId);
        return repository.open(QUEUE_PAGE);
    }

    /** One request, open or decided, for a privacy officer. */
    public RemovalRequest get(long officerId, long requestId) {
        requireOfficer(officerId);
        return repository.find(requestId).orElseThrow(() -> new RemovalRefusedException(Texts.get("removal.refused.noRequest")));
    }

    /** An officer starts reviewing a received request: its status says "in review" to the member. */
    public RemovalRequest review(long officerId, long requestId) {
        requireOfficer(officerId);
        RemovalRequest request = repository.lock(requestId)
                .orElseThrow(() -> new RemovalRefusedException(Texts.get("removal.refused.noRequest")));
        if (request.status() != RemovalRequest.Status.RECEIVED) {
            throw new RemovalRefusedException(Texts.get("removal.refused.notReceived"));
        }
        request.review(officerId, now());
        return request;
    }

    /**
     * An officer decides an open request or its appeal: remove the post, anonymise it (the officer's
     * redacted text replaces its text), or refuse with a reason category and words. An appeal is
     * decided by an officer other than the one who refused. The staff log records the decision, the
     * forum acts on it, and the member is told by mail.
     */
    public RemovalRequest decide(long officerId, long requestId, RemovalRequest.Outcome outcome, String redacted,
            RemovalRequest.RefusalReason category, String words) {
        requireOfficer(officerId);
        String why = words == null ? "" : words.strip();
        Map<String, String> problems = new LinkedHashMap<>();
        if (outcome == null) {
            problems.put("outcome", Texts.get("removal.outcome.required"));
        }
        if (why.length() > RemovalRequest.WORDS_LENGTH) {
            problems.put("words", Texts.get("removal.words.tooLong", RemovalRequest.WORDS_LENGTH));
        }
        RemovalRequest request = repository.lock(requestId)
                .orElseThrow(() -> new RemovalRefusedException(Texts.get("removal.refused.noRequest")));
        boolean appeal = request.status() == RemovalRequest.Status.APPEALED;
        if (outcome == RemovalRequest.Outcome.REFUSED) {
            if (category == null && !appeal) {
                problems.put("category", Texts.get("removal.category.required"));
            }
            if (why.isEmpty()) {
                problems.put("words", Texts.get("removal.words.required"));
            }
        }
        if (outcome == RemovalRequest.Outcome.ANONYMISED && (redacted == null || redacted.isBlank())) {
            problems.put("redacted", Texts.get("removal.redacted.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!request.isOpen()) {
            throw new RemovalRefusedException(Texts.get("removal.refused.decided"));
        }
        if (request.memberId() == officerId) {
            throw new RemovalRefusedException(Texts.get("removal.refused.ownRequest"));
        }
        if (appeal && request.decidedBy() != null && request.decidedBy() == officerId) {
            throw new RemovalRefusedException(Texts.get("removal.appeal.sameOfficer"));
        }
        ForumViews.ModeratedPost post = switch (outcome) {
            case REMOVED -> writer.removeForPrivacy(officerId, request.itemId(), Texts.get("removal.log.purged", request.id()));
            case ANONYMISED -> writer.redactForPrivacy(officerId, request.itemId(), redacted, Texts.get("removal.log.purged", request.id()));
            case REFUSED -> writer.ownPostForAppeal(request.memberId(), request.itemId());
        };
        OffsetDateTime now = now();
        if (appeal) {
            request.decideAppeal(officerId, outcome, outcome == RemovalRequest.Outcome.REFUSED ? category : null,
                    why.isEmpty() ? null : why, now);
        } else {
            request.decide(officerId, outcome, outcome == RemovalRequest.Outcome.REFUSED ? category : null, why.isEmpty() ? null : why, now);
        }
        StaffAction.Kind kind = switch (outcome) {
            case REMOVED -> appeal ? StaffAction.Kind.REMOVAL_APPEAL_GRANT : StaffAction.Kind.REMOVAL_REMOVE;
            case ANONYMISED -> appeal ? StaffAction.Kind.REMOVAL_APPEAL_GRANT : StaffAction.Kind.REMOVAL_ANONYMISE;
            case REFUSED -> appeal ? StaffAction.Kind.REMOVAL_APPEAL_DENY : StaffAction.Kind.REMOVAL_REFUSE;
        };
        String reason = request.refusalCategory() == null || outcome != RemovalRequest.Outcome.REFUSED ? why
                : Texts.get("removal.reason." + request.refusalCategory().name()) + ": " + why;
        staffLog.record(officerId, request.memberId(), kind, detail(request), reason.isBlank() ? Texts.get("removal.log.asked") : reason);
        String address = addresses.notifiable(Set.of(request.memberId())).get(request.memberId());
        if (address != null) {
            mails.decided(address, request, post.topic().title(), appeal);
        }
        return request;
    }

    /**
     * Escalates every open request due within {@link RemovalRequest#ESCALATE_WITHIN} or overdue to
     * every privacy officer (to the administrators when there is no privacy officer), one mail per
     * officer listing the requests. Each request is claimed by a conditional update, so it is escalated
     * at most once a day per stage (due soon, overdue), on however many nodes.
     *
     * @return the requests escalated now
     */
    public List<RemovalRequest> escalate(OffsetDateTime now) {
        List<RemovalRequest> claimed = new ArrayList<>();
        for (RemovalRequest r : repository.dueBy(now.plus(RemovalRequest.ESCALATE_WITHIN))) {
            if (repository.claimEscalation(r.id(), now.toLocalDate(), r.urgency(now).name())) {
                claimed.add(r);
            }
        }
        if (claimed.isEmpty()) {
            return claimed;
        }
        Map<Long, String> officers = addresses.staff(Role.PRIVACY_OFFICER);
        if (officers.isEmpty()) {
            officers = addresses.staff(Role.ADMIN);
        }
        officers.values().forEach(address -> mails.escalation(address, claimed, now));
        return claimed;
    }

    private void requireOfficer(long memberId) {
        if (!directory.isPrivacyOfficer(memberId)) {
            throw new RemovalRefusedException(Texts.get("removal.refused.notOfficer"));
        }
    }

    /** What the staff log names: the request and its post. */
    public static String detail(RemovalRequest request) {
        return "removal " + request.id() + ", post " + request.itemId();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
