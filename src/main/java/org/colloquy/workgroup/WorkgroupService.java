package org.colloquy.workgroup;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.colloquy.platform.security.Caller;
import org.colloquy.workgroup.WorkgroupViews.FileContent;
import org.colloquy.workgroup.WorkgroupViews.GroupPage;
import org.colloquy.workgroup.WorkgroupViews.MyNotice;
import org.colloquy.workgroup.WorkgroupViews.NoticeLine;
import org.colloquy.workgroup.WorkgroupViews.ParticipationLine;
import org.colloquy.workgroup.WorkgroupViews.PublicRelease;
import org.colloquy.workgroup.WorkgroupViews.RequestLine;

/**
 * {@link Workgroups} for the signed-in member: the actor is always taken from {@link Caller}, never
 * from the request, and whether they are an administrator from their roles now.
 */
@Stateless
@PermitAll
public class WorkgroupService {

    @Inject
    private Workgroups workgroups;

    @Inject
    private Caller caller;

    private Actor actor() {
        return new Actor(caller.requireMemberId(), caller.isInRole("ADMIN"));
    }

    private Optional<Actor> maybeActor() {
        return caller.memberId().map(id -> new Actor(id, caller.isInRole("ADMIN")));
    }

    public List<Workgroup> all() {
        return workgroups.all();
    }

    public Workgroup create(String name, String description) {
        return workgroups.create(actor(), name, description);
    }

    public void appointChair(long groupId, String username) {
        workgroups.appointChair(actor(), groupId, username);
    }

    public GroupPage page(long groupId) {
        Optional<Actor> a = maybeActor();
        return workgroups.page(a.map(Actor::memberId).orElse(null), a.map(Actor::admin).orElse(false), groupId);
    }

    public String joiningClause(long groupId) {
        return workgroups.joiningClause(workgroups.group(groupId));
    }

    public JoinRequest apply(long groupId, boolean clauseAccepted) {
        return workgroups.apply(actor().memberId(), groupId, clauseAccepted);
    }

    public JoinRequest invite(long groupId, String username) {
        return workgroups.invite(actor(), groupId, username);
    }

    public void approve(long requestId) {
        workgroups.approve(actor(), requestId);
    }

    public void decline(long requestId) {
        workgroups.decline(actor(), requestId);
    }

    public void acceptInvitation(long requestId, boolean clauseAccepted) {
        workgroups.acceptInvitation(actor().memberId(), requestId, clauseAccepted);
    }

    public void leave(long groupId) {
        workgroups.leave(actor().memberId(), groupId);
    }

    public void markInactive(long participationId, String reason) {
        workgroups.markInactive(actor(), participationId, reason);
    }

    public List<ParticipationLine> myParticipations() {
        return workgroups.myParticipations(actor().memberId());
    }

    public List<RequestLine> myRequests() {
        return workgroups.myRequests(actor().memberId());
    }

    public Document upload(long groupId, String title, String versionLabel, String fileName, byte[] content) {
        return workgroups.upload(actor(), groupId, title, versionLabel, fileName, content);
    }

    /** A draft for the caller; anonymous callers and outsiders get "not found". */
    public FileContent draft(long documentId) {
        Actor a = maybeActor().orElseThrow(() -> new NoSuchWorkgroupItemException("No document " + documentId));
        return workgroups.draft(a, documentId);
    }

    public LocalDate earliestReleaseDate() {
        return workgroups.earliestReleaseDate();
    }

    public Release startRelease(long documentId, LocalDate plannedFor) {
        return workgroups.startRelease(actor(), documentId, plannedFor);
    }

    public List<MyNotice> myNotices() {
        return workgroups.myNotices(actor().memberId());
    }

    public void confirm(long releaseId) {
        workgroups.confirm(actor().memberId(), releaseId);
    }

    public void correct(long releaseId, String name, String organization) {
        workgroups.correct(actor().memberId(), releaseId, name, organization);
    }

    public void object(long releaseId, String note) {
        workgroups.object(actor().memberId(), releaseId, note);
    }

    public List<NoticeLine> notices(long releaseId) {
        return workgroups.notices(actor(), releaseId);
    }

    public Release release(long releaseId) {
        return workgroups.release(actor(), releaseId);
    }

    public void withdraw(long releaseId, String reason) {
        workgroups.withdraw(actor(), releaseId, reason);
    }

    public List<PublicRelease> released() {
        return workgroups.released();
    }

    public PublicRelease publicRelease(long releaseId) {
        return workgroups.publicRelease(releaseId);
    }

    public FileContent releasedFile(long releaseId) {
        return workgroups.releasedFile(releaseId);
    }

    public boolean isAdmin() {
        return caller.isInRole("ADMIN");
    }

    /**
     * The member's participations, newest first (ended ones included): for the administrator of an
     * organization that claims the member's email domain (P-CORP-1).
     */
    public List<WorkgroupViews.ParticipationLine> participationsOf(long memberId) {
        return workgroups.myParticipations(memberId);
    }

    /** The ids of every member who took part in the group, ended participations included: for a breach notice scoped to it (P-BREACH-1). */
    public List<Long> participantIds(long groupId) {
        return workgroups.participantIds(groupId);
    }
}
