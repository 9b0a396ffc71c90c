package org.colloquy.removal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.colloquy.forum.ForumService;
import org.colloquy.forum.ForumViews;
import org.colloquy.platform.security.Caller;

/**
 * Removal requests as the pages use them, for the signed-in caller (P-REMOVE-1). Members ask, read
 * their requests and appeal; the queue and decisions are for PRIVACY_OFFICER and ADMIN only,
 * checked by the container here and again against the database by {@link RemovalDesk}. Officers see
 * the author by username, never a real name or address.
 */
@Stateless
@DeclareRoles({"MEMBER", "PRIVACY_OFFICER", "ADMIN"})
@RolesAllowed({"PRIVACY_OFFICER", "ADMIN"})
public class RemovalService {

    /** One open request in the officers' queue: the post as it stands now and how urgent the request is. */
    public record QueueRow(RemovalRequest request, ForumViews.ModeratedPost post, RemovalRequest.Urgency urgency) {

        /** The most of the item's text the queue's table shows; the decision form shows all of it. */
        public static final int EXCERPT_LENGTH = 300;

        /** The start of the item's current text, as plain text. */
        public String excerpt() {
            String text = post == null ? "" : post.post().bodyText();
            return text.length() <= EXCERPT_LENGTH ? text : text.substring(0, EXCERPT_LENGTH - 1).stripTrailing() + "…";
        }
    }

    @Inject
    private RemovalDesk desk;

    @Inject
    private ForumService forum;

    @Inject
    private Caller caller;

    @PermitAll
    public RemovalRequest request(long postId, RemovalRequest.Wanted wanted, String explanation) {
        return desk.request(caller.requireMemberId(), postId, wanted, explanation);
    }

    /** The caller's own post, for the request page. */
    @PermitAll
    public ForumViews.ModeratedPost ownPost(long postId) {
        return desk.ownPost(caller.requireMemberId(), postId);
    }

    @PermitAll
    public List<RemovalDesk.Row> mine() {
        return desk.ofMember(caller.requireMemberId());
    }

    @PermitAll
    public RemovalRequest appeal(long requestId, String statement) {
        return desk.appeal(caller.requireMemberId(), requestId, statement);
    }

    /** Open requests, the oldest due first, each with its post and urgency. */
    public List<QueueRow> queue() {
        List<RemovalRequest> open = desk.queue(caller.requireMemberId());
        Map<Long, ForumViews.ModeratedPost> posts = forum.moderatedPosts(open.stream().map(RemovalRequest::itemId).toList());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return open.stream().map(r -> new QueueRow(r, posts.get(r.itemId()), r.urgency(now))).toList();
    }

    public RemovalRequest review(long requestId) {
        return desk.review(caller.requireMemberId(), requestId);
    }

    public RemovalRequest decide(long requestId, RemovalRequest.Outcome outcome, String redacted, RemovalRequest.RefusalReason category,
            String words) {
        return desk.decide(caller.requireMemberId(), requestId, outcome, redacted, category, words);
    }

    /** The caller's member id, so the queue can say which appeals the caller may not decide. */
    public long me() {
        return caller.requireMemberId();
    }
}
