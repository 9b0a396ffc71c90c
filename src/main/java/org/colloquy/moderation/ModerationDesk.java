package org.colloquy.moderation;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.colloquy.account.MemberAddresses;
import org.colloquy.account.MemberDirectory;
import org.colloquy.account.MemberSanctions;
import org.colloquy.account.SanctionHistory;
import org.colloquy.account.StaffAction;
import org.colloquy.account.StaffLog;
import org.colloquy.forum.ForumService;
import org.colloquy.forum.ForumViews;
import org.colloquy.forum.ForumWriter;
import org.colloquy.forum.NoSuchForumItemException;
import org.colloquy.forum.PostRevision;
import org.colloquy.forum.ReviewState;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.validation.InvalidInputException;

/**
 * Moderation for a member named by id: {@link ModerationService} passes the signed-in caller's id,
 * demo content and tests their own. Every moderator action checks here, against the database, that
 * the member moderates (MODERATOR or ADMIN), so no page or crafted request gets round it; every
 * action needs the moderator's words, goes into the staff log, and tells the author (and the
 * flaggers) what became of the post. Posts change only through the forum's {@link ForumWriter},
 * which checks the moderator again and tells the anonymous page cache.
 */
@Stateless
@PermitAll
public class ModerationDesk {

    /** The most items one queue page lists. */
    public static final int QUEUE_PAGE = 50;

    /** Open items read at a time to fill a category moderator's queue page, and the most such reads (decision 0040). */
    static final int SCOPED_QUEUE_CHUNK = 500;
    static final int SCOPED_QUEUE_CHUNKS = 20;

    @Inject
    private ModerationRepository repository;

    @Inject
    private ForumService forum;

    @Inject
    private ForumWriter writer;

    @Inject
    private MemberDirectory directory;

    @Inject
    private MemberAddresses addresses;

    @Inject
    private StaffLog staffLog;

    @Inject
    private ModerationMails mails;

    @Inject
    private ModerationSettings settings;

    @Inject
    private MemberSanctions sanctions;

    @Inject
    private ModerationNotices notices;

    /**
     * A member flags a post they may read (the caller's reading rights, see {@link ForumService#post}).
     * One open flag per member and post; not their own post. When the open flags of distinct
     * established members reach {@code hide-after-flags}, the post is hidden until a moderator
     * reviews it, and its author is told.
     *
     * @return the flag
     */
    public Flag flag(long flaggerId, long postId, FlagReason reason, String explanation) {
        String words = explanation == null ? "" : explanation.strip();
        if (reason == null) {
            throw new InvalidInputException("reason", Texts.get("moderation.flag.reason.required"));
        }
        if (reason.needsExplanation() && words.isEmpty()) {
            throw new InvalidInputException("explanation", Texts.get("moderation.flag.explanation.required"));
        }
        if (words.length() > Flag.EXPLANATION_LENGTH) {
            throw new InvalidInputException("explanation", Texts.get("moderation.flag.explanation.tooLong", Flag.EXPLANATION_LENGTH));
        }
        ForumViews.PostRow row = forum.post(postId);
        if (row.post().isDeleted() || !row.post().isVisible()) {
            throw new ModerationRefusedException(Texts.get("moderation.flag.refused.notShown"));
        }
        Long authorId = row.post().authorId();
        if (authorId != null && authorId == flaggerId) {
            throw new ModerationRefusedException(Texts.get("moderation.flag.refused.own"));
        }
        if (directory.poster(flaggerId).isEmpty()) {
            throw new ModerationRefusedException(Texts.get("moderation.refused.noAccount"));
        }
        if (repository.hasOpenFlag(postId, flaggerId)) {
            throw new ModerationRefusedException(Texts.get("moderation.flag.refused.again"));
        }
        OffsetDateTime now = now();
        Flag flag = new Flag(postId, flaggerId, reason, words.isEmpty() ? null : words, now);
        repository.add(flag);
        ReviewItem item = repository.openItem(ReviewItem.Kind.FLAGGED, postId).orElseGet(() -> {
            ReviewItem created = new ReviewItem(ReviewItem.Kind.FLAGGED, postId, authorId, reason, now);
            repository.add(created);
            return created;
        });
        item.countFlag();
        repository.flush();
        if (establishedFlaggers(postId, now) >= settings.hideAfterFlags()) {
            ForumViews.ModeratedPost hidden = writer.hideForReview(postId);
            if (authorId != null) {
                staffLog.record(null, authorId, StaffAction.Kind.HIDE_POST_BY_FLAGS, detail(postId),
                        Texts.get("moderation.log.hiddenByFlags", settings.hideAfterFlags(), reasonName(item.reason())));
                tellAuthor(authorId, "hiddenByFlags", item.reason(), null, hidden);
            }
        }
        return flag;
    }

    /** Open flags on the post from members who joined at least {@code established-days} ago. */
    private long establishedFlaggers(long postId, OffsetDateTime now) {
        OffsetDateTime joinedBefore = now.minus(settings.established());
        return repository.openFlags(postId).stream().map(Flag::flaggerId).distinct()
                .filter(id -> directory.poster(id).map(p -> !p.memberSince().isAfter(joinedBefore)).orElse(false))
                .count();
    }

    /** A held post enters the queue (observed in the posting transaction). */
    public void held(long postId, long authorId) {
        if (repository.openItem(ReviewItem.Kind.HELD, postId).isEmpty()) {
            repository.add(new ReviewItem(ReviewItem.Kind.HELD, postId, authorId, null, now()));
        }
    }

    /**
     * Open items, oldest first, optionally of one kind or reason and at least {@code minAge} old.
     */
    public List<ReviewItem> queue(long moderatorId, ReviewItem.Kind kind, FlagReason reason, Duration minAge) {
        requireModerator(moderatorId);
        OffsetDateTime olderThan = minAge == null ? null : now().minus(minAge);
        Scope scope = scopeOf(moderatorId);
        return scope.all() ? repository.queue(kind, reason, olderThan, QUEUE_PAGE)
                : scopedQueue(scope, kind, reason, olderThan);
    }

    /** One item, open or decided. */
    public ReviewItem item(long moderatorId, long itemId) {
        requireModerator(moderatorId);
        ReviewItem item = repository.item(itemId).orElseThrow(() -> new ModerationRefusedException(Texts.get("moderation.item.gone")));
        requirePostInScope(moderatorId, item.postId());
        return item;
    }

    public List<ReviewNote> notes(long moderatorId, List<Long> itemIds) {
        requireModerator(moderatorId);
        return repository.notes(itemIds);
    }

    /**
     * Claims an item so that nobody else works on it: a conditional update, so of two moderators
     * claiming at once exactly one gets it, on any node.
     *
     * @throws ModerationRefusedException when someone else holds it or it is decided
     */
    public ReviewItem claim(long moderatorId, long itemId) {
        requireModerator(moderatorId);
        ReviewItem item = repository.item(itemId).orElseThrow(() -> new ModerationRefusedException(Texts.get("moderation.item.gone")));
        requirePostInScope(moderatorId, item.postId());
        if (moderatorId == (item.claimedBy() == null ? -1 : item.claimedBy()) && item.isOpen()) {
            return item;
        }
        if (repository.claim(itemId, moderatorId, now()) != 1) {
            throw new ModerationRefusedException(Texts.get("moderation.item.claimedByOther"));
        }
        return repository.freshItem(itemId).orElseThrow();
    }

    /** Gives a claimed item back to the queue. */
    public void release(long moderatorId, long itemId) {
        requireModerator(moderatorId);
        repository.release(itemId, moderatorId);
    }

    /** A staff note on an item; moderators and administrators read them in the queue. */
    public ReviewNote note(long moderatorId, long itemId, String text) {
        requireModerator(moderatorId);
        String words = text == null ? "" : text.strip();
        if (words.isEmpty()) {
            throw new InvalidInputException("note", Texts.get("moderation.note.required"));
        }
        if (words.length() > ReviewNote.TEXT_LENGTH) {
            throw new InvalidInputException("note", Texts.get("moderation.note.tooLong", ReviewNote.TEXT_LENGTH));
        }
        ReviewItem item = repository.item(itemId).orElseThrow(() -> new ModerationRefusedException(Texts.get("moderation.item.gone")));
        requirePostInScope(moderatorId, item.postId());
        ReviewNote note = new ReviewNote(itemId, moderatorId, words, now());
        repository.add(note);
        return note;
    }

    /**
     * Decides an item the moderator holds (an unclaimed one is claimed first): approve, hide, delete
     * or restore the post, with the moderator's words (and for hiding or deleting the rule broken,
     * which the author is told). Closes the open flags on the post and tells each flagger the outcome.
     */
    public void decide(long moderatorId, long itemId, Decision decision, FlagReason reason, String words) {
        requireModerator(moderatorId);
        String why = requireWords(words);
        if (decision == null) {
            throw new InvalidInputException("decision", Texts.get("moderation.decision.required"));
        }
        ReviewItem item = repository.item(itemId).orElseThrow(() -> new ModerationRefusedException(Texts.get("moderation.item.gone")));
        requirePostInScope(moderatorId, item.postId());
        ReviewItem appealed = item.appealOf() == null ? null : repository.item(item.appealOf()).orElse(null);
        if (appealed != null && appealed.decidedBy() != null && appealed.decidedBy() == moderatorId) {
            throw new ModerationRefusedException(Texts.get("moderation.appeal.sameModerator"));
        }
        if (appealed != null && reason == null) {
            reason = appealed.reason();
        }
        if (decision == Decision.KEEP && appealed == null) {
            throw new InvalidInputException("decision", Texts.get("moderation.decision.keepOnlyOnAppeal"));
        }
        if (decision.upholds() && reason == null) {
            throw new InvalidInputException("category", Texts.get("moderation.decision.category.required"));
        }
        item = claim(moderatorId, itemId);
        OffsetDateTime now = now();
        if (repository.decide(itemId, moderatorId, decision.name(), now) != 1) {
            throw new ModerationRefusedException(Texts.get("moderation.item.claimedByOther"));
        }
        long postId = item.postId();
        ForumViews.ModeratedPost post = switch (decision) {
            case APPROVE -> writer.review(moderatorId, postId, ReviewState.VISIBLE);
            case RESTORE -> restore(moderatorId, postId, appealed);
            case HIDE -> writer.review(moderatorId, postId, ReviewState.HIDDEN);
            case DELETE -> writer.deleteAsModerator(moderatorId, postId);
            case KEEP -> writer.postForModerator(moderatorId, postId);
        };
        Flag.Outcome outcome = decision.upholds() ? Flag.Outcome.UPHELD : Flag.Outcome.DECLINED;
        List<Flag> flags = repository.openFlags(postId);
        flags.forEach(f -> f.decide(outcome, now));
        Map<Long, String> flaggers = addresses.notifiable(flags.stream().map(Flag::flaggerId).collect(Collectors.toSet()));
        flaggers.values().forEach(address -> mails.flagOutcome(address, outcome, post.topic().title(), post.path()));
        notices.flagOutcome(flags.stream().map(Flag::flaggerId).distinct().toList(), outcome, post);

        Long authorId = item.authorId();
        if (authorId != null) {
            StaffAction.Kind kind = switch (decision) {
                case APPROVE -> item.kind() == ReviewItem.Kind.HELD ? StaffAction.Kind.APPROVE_POST : StaffAction.Kind.DISMISS_FLAGS;
                case HIDE -> StaffAction.Kind.HIDE_POST;
                case DELETE -> StaffAction.Kind.DELETE_POST;
                case RESTORE -> StaffAction.Kind.RESTORE_POST;
                case KEEP -> StaffAction.Kind.DENY_APPEAL;
            };
            if (appealed != null) {
                kind = decision.upholds() ? StaffAction.Kind.DENY_APPEAL : StaffAction.Kind.GRANT_APPEAL;
            }
            staffLog.record(moderatorId, authorId, kind, detail(postId), reason == null ? why : reasonName(reason) + ": " + why);
            String told = switch (decision) {
                case APPROVE -> item.kind() == ReviewItem.Kind.HELD ? "approved" : null;
                case HIDE -> "hidden";
                case DELETE -> "deleted";
                case RESTORE -> "restored";
                case KEEP -> "appealDenied";
            };
            if (appealed != null) {
                told = decision.upholds() ? "appealDenied" : "appealGranted";
            }
            if (told != null) {
                tellAuthor(authorId, told, reason, why, post);
            }
        }
    }

    /**
     * The author appeals the moderator's decision that hid, deleted or edited their post, once, with
     * their words; the appeal enters the queue, and a moderator other than the one who decided it
     * decides it (restoring puts the post back as it was).
     *
     * @throws ModerationRefusedException when the post is not the author's, no such decision of a
     *         moderator is in force on it, or it was appealed already
     */
    public ReviewItem appeal(long authorId, long postId, String statement) {
        String words = statement == null ? "" : statement.strip();
        if (words.isEmpty()) {
            throw new InvalidInputException("statement", Texts.get("moderation.appeal.statement.required"));
        }
        if (words.length() > ReviewItem.STATEMENT_LENGTH) {
            throw new InvalidInputException("statement", Texts.get("moderation.appeal.statement.tooLong", ReviewItem.STATEMENT_LENGTH));
        }
        ForumViews.ModeratedPost row;
        try {
            row = writer.ownPostForAppeal(authorId, postId);
        } catch (NoSuchForumItemException e) {
            throw new ModerationRefusedException(Texts.get("moderation.appeal.nothing"));
        }
        ReviewItem decided = repository.lastAppealable(postId).filter(item -> inForce(item, row))
                .orElseThrow(() -> new ModerationRefusedException(Texts.get("moderation.appeal.nothing")));
        if (repository.appealOf(decided.id()).isPresent()) {
            throw new ModerationRefusedException(Texts.get("moderation.appeal.once"));
        }
        ReviewItem appeal = ReviewItem.appeal(decided, words, now());
        repository.add(appeal);
        repository.flush();
        return appeal;
    }

    /** Whether the decision still shapes the post: a hiding while it is hidden, a deletion while deleted, an edit while shown. */
    private static boolean inForce(ReviewItem decided, ForumViews.ModeratedPost row) {
        return switch (decided.decision()) {
            case "HIDE" -> row.post().isHidden() && !row.post().isDeleted();
            case "DELETE" -> row.post().isDeleted();
            case ReviewItem.EDIT -> !row.post().isDeleted() && !row.post().isHidden();
            default -> false;
        };
    }

    /** RESTORE: shows the post; on an appeal of a deletion or an edit, puts back the text it had. */
    private ForumViews.ModeratedPost restore(long moderatorId, long postId, ReviewItem appealed) {
        String undone = appealed == null ? null : appealed.decision();
        if ("DELETE".equals(undone)) {
            return writer.restoreAsModerator(moderatorId, postId, PostRevision.Reason.DELETED);
        }
        if (ReviewItem.EDIT.equals(undone)) {
            return writer.restoreAsModerator(moderatorId, postId, PostRevision.Reason.MODERATED);
        }
        return writer.review(moderatorId, postId, ReviewState.VISIBLE);
    }

    /**
     * A moderator edits a post's text (issue 7), with the rule it broke and their words, both
     * required. The earlier text stays as a staff-only revision (the diff on {@code /moderation/edit});
     * the edit is recorded as a decided EDITED item, so the author can appeal it once; the staff log
     * records it and the author is told by mail and notice what, why and how to appeal.
     *
     * @throws InvalidInputException under {@code body}, {@code category} or {@code words}
     */
    public ForumViews.ModeratedPost edit(long moderatorId, long postId, String markdown, FlagReason category, String words) {
        requireModerator(moderatorId);
        java.util.Map<String, String> problems = new java.util.LinkedHashMap<>();
        if (markdown == null || markdown.isBlank()) {
            problems.put("body", Texts.get("forum.body.required"));
        }
        if (category == null) {
            problems.put("category", Texts.get("moderation.decision.category.required"));
        }
        String why = words == null ? "" : words.strip();
        try {
            why = requireWords(words);
        } catch (InvalidInputException e) {
            problems.putAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ForumViews.ModeratedPost post = writer.editAsModerator(moderatorId, postId, markdown);
        Long authorId = post.post().authorId();
        OffsetDateTime now = now();
        repository.add(ReviewItem.edited(postId, authorId, category, moderatorId, now));
        repository.flush();
        staffLog.record(moderatorId, authorId == null ? moderatorId : authorId, StaffAction.Kind.EDIT_POST, detail(postId),
                reasonName(category) + ": " + why);
        if (authorId != null) {
            tellAuthor(authorId, "edited", category, why, post);
        }
        return post;
    }

    /** A post with its earlier texts, oldest first, for a moderator: what {@code /moderation/edit} shows as diffs. */
    public PostHistory history(long moderatorId, long postId) {
        requireModerator(moderatorId);
        return new PostHistory(writer.postForModerator(moderatorId, postId), writer.revisionsForModerator(moderatorId, postId));
    }

    /** A post as moderators see it and its earlier texts, oldest first. */
    public record PostHistory(ForumViews.ModeratedPost post, List<PostRevision> revisions) {
    }

    /**
     * A moderator moves a topic to another forum (issue 7) with their words: the address stays (the
     * topic's id and slug do not change), the staff log records from where to where and why, and the
     * topic's author is told by mail and notice.
     */
    public ForumViews.MovedTopic move(long moderatorId, long topicId, Long categoryId, String words) {
        requireModerator(moderatorId);
        String why;
        try {
            why = requireWords(words);
        } catch (InvalidInputException e) {
            if (categoryId == null) {
                java.util.Map<String, String> problems = new java.util.LinkedHashMap<>(e.problems());
                problems.put("category", Texts.get("moderation.move.category.required"));
                throw new InvalidInputException(problems);
            }
            throw e;
        }
        ForumViews.MovedTopic moved = writer.moveTopic(moderatorId, topicId, categoryId);
        Long author = moved.topic().authorId();
        staffLog.record(moderatorId, author == null ? moderatorId : author, StaffAction.Kind.MOVE_TOPIC, "topic " + topicId,
                Texts.get("moderation.log.moved", moved.from(), moved.to(), why));
        if (author != null) {
            String address = addresses.notifiable(Set.of(author)).get(author);
            if (address != null) {
                mails.moved(address, moved, why);
            }
            notices.moved(author, moved, why);
        }
        return moved;
    }

    /** Locks, unlocks, pins or unpins a topic, with the moderator's words, into the staff log. */
    public void topic(long moderatorId, long topicId, TopicAction action, String words) {
        requireModerator(moderatorId);
        String why = requireWords(words);
        if (action == null) {
            throw new InvalidInputException("action", Texts.get("moderation.decision.required"));
        }
        requireCategoryInScope(moderatorId, forum.topic(topicId, 1).topic().categoryId());
        switch (action) {
            case LOCK -> writer.setTopicState(moderatorId, topicId, true, null);
            case UNLOCK -> writer.setTopicState(moderatorId, topicId, false, null);
            case PIN -> writer.setTopicState(moderatorId, topicId, null, true);
            case UNPIN -> writer.setTopicState(moderatorId, topicId, null, false);
        }
        Long author = forum.topic(topicId, 1).topic().authorId();
        StaffAction.Kind kind = StaffAction.Kind.valueOf(action.name() + "_TOPIC");
        staffLog.record(moderatorId, author == null ? moderatorId : author, kind, "topic " + topicId, why);
    }

    /**
     * Warns, silences or suspends a member until a date, or lifts a silence or suspension early
     * (issue 7, decision 0028). A warning, silence or suspension names the rule broken and has the
     * moderator's words; a lift has words. The end must lie in the future. The member is told by
     * account mail; the staff log records who, whom and why. Not on oneself, nor on another
     * moderator or administrator (administrators deal with staff on {@code /admin/members}).
     *
     * @return false when a lift found nothing to lift
     */
    public boolean sanction(long moderatorId, long memberId, Sanction kind, FlagReason category, String words, OffsetDateTime until) {
        requireModerator(moderatorId);
        java.util.Map<String, String> problems = new java.util.LinkedHashMap<>();
        if (kind == null) {
            problems.put("kind", Texts.get("moderation.sanction.kind.required"));
        }
        if (kind != null && !kind.isLift() && category == null) {
            problems.put("category", Texts.get("moderation.decision.category.required"));
        }
        String why = words == null ? "" : words.strip();
        if (why.isEmpty()) {
            problems.put("words", Texts.get("moderation.decision.words.required"));
        } else if (why.length() > 900) {
            problems.put("words", Texts.get("moderation.decision.words.tooLong", 900));
        }
        if (kind != null && kind.needsEnd()) {
            if (until == null) {
                problems.put("until", Texts.get("moderation.sanction.until.required"));
            } else if (!until.isAfter(now())) {
                problems.put("until", Texts.get("moderation.sanction.until.past"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (moderatorId == memberId) {
            throw new ModerationRefusedException(Texts.get("moderation.sanction.notYourself"));
        }
        if (directory.poster(memberId).isEmpty()) {
            throw new ModerationRefusedException(Texts.get("moderation.sanction.noMember"));
        }
        if (directory.isModerator(memberId)) {
            throw new ModerationRefusedException(Texts.get("moderation.sanction.staff"));
        }
        String reason = kind.isLift() ? why : reasonName(category) + ": " + why;
        boolean done = switch (kind) {
            case WARN -> {
                sanctions.warn(moderatorId, memberId, reason);
                yield true;
            }
            case SILENCE -> {
                sanctions.silence(moderatorId, memberId, until, reason);
                yield true;
            }
            case SUSPEND -> {
                sanctions.suspend(moderatorId, memberId, until, reason);
                yield true;
            }
            case LIFT_SILENCE -> sanctions.liftSilence(moderatorId, memberId, reason);
            case LIFT_SUSPENSION -> sanctions.liftSuspension(moderatorId, memberId, reason);
        };
        if (done) {
            noticeOfSanction(memberId, kind, reason, until);
        }
        return done;
    }

    /** The sanctioned member's notice, beside the account context's mail. */
    private void noticeOfSanction(long memberId, Sanction kind, String reason, OffsetDateTime until) {
        String what = switch (kind) {
            case WARN -> "warned";
            case SILENCE -> "silenced";
            case SUSPEND -> "suspended";
            case LIFT_SILENCE -> "silenceLifted";
            case LIFT_SUSPENSION -> "suspensionLifted";
        };
        notices.sanction(memberId, what, reason, until == null ? null : MemberSanctions.when(until));
    }

    /** A member's username and standing for a moderator's member page; never email or real name. */
    public java.util.Optional<MemberSanctions.Standing> standing(long moderatorId, String username) {
        requireModerator(moderatorId);
        return username == null ? java.util.Optional.empty() : sanctions.standing(username);
    }

    // ------------------------------------------------------------ sanction history (decision 0052)

    /** The most warnings, silences and suspensions the member page lists; the staff log has the rest. */
    public static final int HISTORY_SHOWN = 20;

    /**
     * One warning, silence or suspension as a moderator's member page shows it: who decided and who
     * lifted it by username only (or "the system", or "a former member"), never a name or address.
     *
     * @param kind     WARN, SILENCE or SUSPEND
     * @param until    the end decided; {@code null} for a warning and a suspension until reinstated
     * @param category the rule broken, when the reason names one of the forum rules' categories
     * @param endedAt  when it was lifted, replaced or ended on its date; {@code null} while active and for a warning
     */
    public record PastSanction(Long id, Sanction kind, OffsetDateTime at, String decidedBy, OffsetDateTime until, FlagReason category,
            String words, SanctionHistory.State state, OffsetDateTime endedAt, String liftedBy, String liftWords) {
    }

    /** The newest of a member's sanctions, and whether there are older ones (then the staff log has them). */
    public record SanctionRecord(List<PastSanction> sanctions, boolean more) {
    }

    /**
     * A member's warnings, silences and suspensions, newest first (at most {@link #HISTORY_SHOWN}), each
     * with its state: given (a warning), active, ended on its date, lifted early (when, by whom, why) or
     * replaced by a later one. Read from the staff log through {@link MemberSanctions#history}.
     */
    public SanctionRecord sanctionHistory(long moderatorId, long memberId) {
        requireModerator(moderatorId);
        SanctionHistory history = sanctions.history(moderatorId, memberId, HISTORY_SHOWN);
        Set<Long> people = new java.util.HashSet<>();
        history.entries().forEach(e -> {
            people.add(e.actorId());
            people.add(e.liftedBy());
        });
        people.remove(null);
        Map<Long, String> names = directory.usernames(people);
        List<PastSanction> shown = history.entries().stream().map(e -> {
            Reason reason = Reason.of(e.reason());
            boolean lifted = e.state() == SanctionHistory.State.LIFTED;
            return new PastSanction(e.id(), Sanction.valueOf(e.kind().name()), e.at(), who(e.actorId(), names), e.until(),
                    reason.category(), reason.words(), e.state(), e.endedAt(),
                    lifted ? who(e.liftedBy(), names) : null, lifted ? e.liftReason() : null);
        }).toList();
        return new SanctionRecord(shown, history.more());
    }

    /** A reason as {@link #sanction} writes it ({@code "Abusive: words"}): the rule's category, or null, and the words. */
    record Reason(FlagReason category, String words) {

        static Reason of(String reason) {
            String text = reason == null ? "" : reason;
            for (FlagReason category : FlagReason.values()) {
                String prefix = reasonName(category) + ": ";
                if (text.startsWith(prefix)) {
                    return new Reason(category, text.substring(prefix.length()));
                }
            }
            return new Reason(null, text);
        }
    }

    private static String who(Long memberId, Map<Long, String> names) {
        if (memberId == null) {
            return Texts.get("moderation.history.system");
        }
        String name = names.get(memberId);
        return name == null ? Texts.get("moderation.history.formerMember") : name;
    }

    // ------------------------------------------------------------ category assignments (decision 0040)

    /** What a moderator may act on: every category, or only the listed ones. */
    public record Scope(boolean all, Set<Long> categories) {

        static final Scope EVERY_CATEGORY = new Scope(true, Set.of());

        public boolean covers(Long categoryId) {
            return all || categoryId != null && categories.contains(categoryId);
        }
    }

    /** The categories the moderator acts in: all for administrators and for moderators without an assignment. */
    public Scope scope(long moderatorId) {
        requireModerator(moderatorId);
        return scopeOf(moderatorId);
    }

    /** Of these posts, the ids the moderator may see and act on (their categories). */
    public Set<Long> postsInScope(long moderatorId, java.util.Collection<Long> postIds) {
        Scope scope = scope(moderatorId);
        Map<Long, Long> categories = forum.categoriesOfPosts(postIds);
        return postIds.stream().filter(id -> scope.covers(categories.get(id))).collect(Collectors.toSet());
    }

    /**
     * An administrator assigns a moderator to every category or to chosen ones, with an optional end
     * of their term; written to the staff log. Replaces the moderator's earlier assignment.
     *
     * @throws ModerationRefusedException unless {@code adminId} administers and the member moderates
     */
    public ModeratorAssignment assign(long adminId, long moderatorId, boolean all, Set<Long> categoryIds, OffsetDateTime endsAt,
            String words) {
        if (!directory.holdsRole(adminId, org.colloquy.account.Role.ADMIN)) {
            throw new ModerationRefusedException(Texts.get("moderation.assign.refused.notAdmin"));
        }
        if (!directory.holdsRole(moderatorId, org.colloquy.account.Role.MODERATOR)) {
            throw new ModerationRefusedException(Texts.get("moderation.assign.refused.notModerator"));
        }
        Set<Long> chosen = categoryIds == null ? Set.of() : Set.copyOf(categoryIds);
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        if (!all && chosen.isEmpty()) {
            problems.put("categories", Texts.get("moderation.assign.categories.required"));
        }
        if (endsAt != null && !endsAt.isAfter(now())) {
            problems.put("ends", Texts.get("moderation.sanction.until.past"));
        }
        String why = words == null ? "" : words.strip();
        if (why.isEmpty()) {
            problems.put("words", Texts.get("moderation.decision.words.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ModeratorAssignment assignment = repository.assignment(moderatorId).orElseGet(() -> {
            ModeratorAssignment created = new ModeratorAssignment(moderatorId);
            repository.add(created);
            return created;
        });
        assignment.assign(all, chosen, endsAt, adminId, now());
        String detail = (all ? "all categories" : "categories " + chosen.stream().sorted().map(String::valueOf)
                .collect(Collectors.joining(", "))) + (endsAt == null ? "" : " until " + endsAt.withOffsetSameInstant(ZoneOffset.UTC));
        staffLog.record(adminId, moderatorId, StaffAction.Kind.ASSIGN_MODERATOR, detail, why);
        return assignment;
    }

    /** The moderator's assignment, if an administrator made one. */
    public java.util.Optional<ModeratorAssignment> assignment(long memberId) {
        return repository.assignment(memberId);
    }

    /** The end of each moderator's term, for those that have one. */
    public Map<Long, OffsetDateTime> termEnds() {
        return repository.termEnds();
    }

    private Scope scopeOf(long moderatorId) {
        if (directory.holdsRole(moderatorId, org.colloquy.account.Role.ADMIN)) {
            return Scope.EVERY_CATEGORY;
        }
        return repository.assignment(moderatorId).filter(a -> !a.allCategories())
                .map(a -> new Scope(false, a.categories())).orElse(Scope.EVERY_CATEGORY);
    }

    /**
     * The oldest open items in the moderator's categories: open items are read oldest first in chunks
     * and kept when their post lies in one of the categories, until a page is full (bounded).
     */
    private List<ReviewItem> scopedQueue(Scope scope, ReviewItem.Kind kind, FlagReason reason, OffsetDateTime olderThan) {
        List<ReviewItem> page = new java.util.ArrayList<>();
        for (int chunk = 0; chunk < SCOPED_QUEUE_CHUNKS && page.size() < QUEUE_PAGE; chunk++) {
            List<ReviewItem> items = repository.queue(kind, reason, olderThan, chunk * SCOPED_QUEUE_CHUNK, SCOPED_QUEUE_CHUNK);
            Map<Long, Long> categories = forum.categoriesOfPosts(items.stream().map(ReviewItem::postId).toList());
            items.stream().filter(i -> scope.covers(categories.get(i.postId()))).limit(QUEUE_PAGE - page.size()).forEach(page::add);
            if (items.size() < SCOPED_QUEUE_CHUNK) {
                break;
            }
        }
        return page;
    }

    private void requirePostInScope(long moderatorId, long postId) {
        Scope scope = scopeOf(moderatorId);
        if (!scope.all()) {
            requireCategoryInScope(moderatorId, forum.categoriesOfPosts(List.of(postId)).get(postId));
        }
    }

    private void requireCategoryInScope(long moderatorId, Long categoryId) {
        if (!scopeOf(moderatorId).covers(categoryId)) {
            throw new ModerationRefusedException(Texts.get("moderation.refused.notYourCategory"));
        }
    }

    /** A moderator whose term has ended no longer moderates (administrators are never narrowed). */
    private void requireTermRunning(long memberId) {
        java.util.Optional<ModeratorAssignment> ended = repository.assignment(memberId).filter(a -> a.endedAt(now()));
        if (ended.isPresent() && !directory.holdsRole(memberId, org.colloquy.account.Role.ADMIN)) {
            throw new ModerationRefusedException(Texts.get("moderation.refused.termEnded", MemberSanctions.when(ended.get().endsAt())));
        }
    }

    // ------------------------------------------------------------ staff dashboard (decision 0040)

    /**
     * The dashboard for the last {@code days} days (7, 30 or 90): see {@link StaffDashboard}. Every
     * moderator sees it whole: counts and times, no content, so category assignments do not narrow it.
     */
    public StaffDashboard dashboard(long moderatorId, int days) {
        requireModerator(moderatorId);
        if (!StaffDashboard.PERIODS.contains(days)) {
            throw new InvalidInputException("days", Texts.get("moderation.dashboard.days.invalid"));
        }
        OffsetDateTime now = now();
        OffsetDateTime since = now.minusDays(days);
        List<Object[]> decided = repository.decidedSince(since, StaffDashboard.MAX_DECISIONS);
        Map<Long, List<Duration>> times = new java.util.HashMap<>();
        Map<Long, Long> flags = new java.util.HashMap<>();
        for (Object[] row : decided) {
            long by = ((Number) row[0]).longValue();
            flags.merge(by, ((Number) row[1]).longValue(), Long::sum);
            times.computeIfAbsent(by, k -> new java.util.ArrayList<>()).add(Duration.between((OffsetDateTime) row[2], (OffsetDateTime) row[3]));
        }
        Map<Long, Long> actions = new java.util.HashMap<>(staffLog.countsByActorSince(since));
        actions.keySet().removeIf(id -> !times.containsKey(id) && !directory.isModerator(id));
        Set<Long> people = new java.util.HashSet<>(times.keySet());
        people.addAll(actions.keySet());
        Map<Long, String> names = directory.usernames(people);
        List<StaffDashboard.Row> rows = people.stream()
                .map(id -> new StaffDashboard.Row(id, names.get(id), times.getOrDefault(id, List.of()).size(), flags.getOrDefault(id, 0L),
                        actions.getOrDefault(id, 0L), StaffDashboard.median(times.getOrDefault(id, List.of()))))
                .sorted(java.util.Comparator.comparing((StaffDashboard.Row r) -> -r.actions())
                        .thenComparing(r -> r.username() == null ? "" : r.username()))
                .toList();
        Object[] open = repository.openQueue();
        OffsetDateTime oldest = (OffsetDateTime) open[1];
        return new StaffDashboard(days, rows, ((Number) open[0]).longValue(), oldest == null ? null : Duration.between(oldest, now),
                decided.size() >= StaffDashboard.MAX_DECISIONS);
    }

    // ------------------------------------------------------------ active sanctions (decision 0040)

    /** A silence or dated suspension in force, as the moderators' list shows it. */
    public record ActiveSanction(long memberId, String username, Sanction lift, OffsetDateTime until, String reason) {

        /** The value that names it in the "lift early" form: {@code LIFT_SILENCE-12}. */
        public String key() {
            return lift.name() + "-" + memberId;
        }
    }

    /** Silences and suspensions until a date in force now, soonest end first (see {@link MemberSanctions#active}). */
    public List<ActiveSanction> activeSanctions(long moderatorId) {
        requireModerator(moderatorId);
        List<ActiveSanction> active = new java.util.ArrayList<>();
        for (MemberSanctions.Standing s : sanctions.active(200)) {
            if (s.silencedUntil() != null) {
                active.add(new ActiveSanction(s.memberId(), s.username(), Sanction.LIFT_SILENCE, s.silencedUntil(), s.silenceReason()));
            }
            if (s.suspended() && s.suspendedUntil() != null) {
                active.add(new ActiveSanction(s.memberId(), s.username(), Sanction.LIFT_SUSPENSION, s.suspendedUntil(), s.suspensionReason()));
            }
        }
        active.sort(java.util.Comparator.comparing(ActiveSanction::until).thenComparing(ActiveSanction::memberId));
        return active;
    }

    private void tellAuthor(long authorId, String action, FlagReason reason, String words, ForumViews.ModeratedPost post) {
        String address = addresses.notifiable(Set.of(authorId)).get(authorId);
        if (address != null) {
            mails.toAuthor(address, action, reason, words, post.topic().title(), post.path(), post.post().id());
        }
        notices.toAuthor(authorId, action, reason, words, post);
    }

    private void requireModerator(long memberId) {
        if (!directory.isModerator(memberId)) {
            throw new ModerationRefusedException(Texts.get("moderation.refused.notModerator"));
        }
        requireTermRunning(memberId);
    }

    private static String requireWords(String words) {
        String why = words == null ? "" : words.strip();
        if (why.isEmpty()) {
            throw new InvalidInputException("words", Texts.get("moderation.decision.words.required"));
        }
        if (why.length() > 900) {
            throw new InvalidInputException("words", Texts.get("moderation.decision.words.tooLong", 900));
        }
        return why;
    }

    static String detail(long postId) {
        return "post " + postId;
    }

    private static String reasonName(FlagReason reason) {
        return reason == null ? "" : Texts.get("moderation.reason." + reason.name());
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
