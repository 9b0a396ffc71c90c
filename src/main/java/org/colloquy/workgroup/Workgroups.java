package org.colloquy.workgroup;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
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
import org.colloquy.forum.CategoryDraft;
import org.colloquy.forum.ForumWriter;
import org.colloquy.forum.Visibility;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.privacy.Basis;
import org.colloquy.privacy.Disclosure;
import org.colloquy.privacy.DisclosureService;
import org.colloquy.privacy.PolicyClause;
import org.colloquy.privacy.Recipient;
import org.colloquy.privacy.RecipientKind;
import org.colloquy.profile.ProfileService;
import org.colloquy.profile.Viewer;
import org.colloquy.workgroup.WorkgroupViews.Collaborator;
import org.colloquy.workgroup.WorkgroupViews.DocumentLine;
import org.colloquy.workgroup.WorkgroupViews.FileContent;
import org.colloquy.workgroup.WorkgroupViews.GroupPage;
import org.colloquy.workgroup.WorkgroupViews.MyNotice;
import org.colloquy.workgroup.WorkgroupViews.NoticeLine;
import org.colloquy.workgroup.WorkgroupViews.ParticipationLine;
import org.colloquy.workgroup.WorkgroupViews.PublicRelease;
import org.colloquy.workgroup.WorkgroupViews.ReleaseLine;
import org.colloquy.workgroup.WorkgroupViews.RequestLine;

/**
 * Workgroups for a given actor: the checks of who may do what live here, so that the caller-facing
 * {@link WorkgroupService} (which takes the actor from the signed-in member), demo content and tests
 * go through the same rules. An action the actor may not take is answered as if the item did not
 * exist ({@link NoSuchWorkgroupItemException}); bad input with {@link InvalidInputException}.
 *
 * <ul>
 *   <li>Administrators create workgroups and appoint chairs.</li>
 *   <li>A member applies (a chair approves) or a chair invites (the member accepts); the member
 *       accepts the joining clause either way, recorded as a consent of its exact wording.</li>
 *   <li>Participation runs from joining until the member leaves or a chair marks them inactive
 *       with a reason the member sees.</li>
 *   <li>Chairs upload document versions; participants, chairs and administrators read them.</li>
 *   <li>A release is planned at least {@link ReleaseSettings#noticeDays()} ahead; every active
 *       participant gets a notice of what will be published (P-RELEASE-3) and may confirm, correct
 *       their name and company, or object; on or after the date a chair releases, freezing the
 *       participants active at that moment and disclosing them through {@link DisclosureService}
 *       under {@link PolicyClause#DOCUMENT_RELEASE} (P-RELEASE-1).</li>
 * </ul>
 */
@Stateless
public class Workgroups {

    public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
    /** Group discussion areas come after the community's own forums for those who see them. */
    static final int WORKGROUP_FORUM_POSITION = 1000;
    static final Set<String> RELEASED_FIELDS = java.util.Collections.unmodifiableSet(
            new java.util.LinkedHashSet<>(List.of("name", "email", "organization")));
    static final Set<String> COLLABORATION_FIELDS = java.util.Collections.unmodifiableSet(
            new java.util.LinkedHashSet<>(List.of("name", "email", "profile", "photo")));

    @PersistenceContext
    private EntityManager em;

    @Inject
    private MemberDirectory directory;

    @Inject
    private MemberAddresses addresses;

    @Inject
    private ProfileService profiles;

    @Inject
    private JoiningClause clause;

    @Inject
    private DisclosureService disclosures;

    @Inject
    private WorkgroupMails mails;

    @Inject
    private ReleaseSettings settings;

    @Inject
    private ForumWriter forum;

    // ------------------------------------------------------------------ groups and chairs

    public Workgroup create(Actor actor, String name, String description) {
        requireAdmin(actor);
        Map<String, String> problems = new LinkedHashMap<>();
        String n = name == null ? "" : name.strip();
        String d = description == null ? "" : description.strip();
        if (n.isEmpty()) {
            problems.put("name", Texts.get("workgroup.name.required"));
        } else if (n.length() > Workgroup.NAME_LENGTH) {
            problems.put("name", Texts.get("workgroup.name.long", Workgroup.NAME_LENGTH));
        } else if (em.createNamedQuery("Workgroup.countByName", Long.class).setParameter("name", n.toLowerCase(java.util.Locale.ROOT))
                .getSingleResult() > 0) {
            problems.put("name", Texts.get("workgroup.name.taken"));
        }
        if (d.length() > Workgroup.DESCRIPTION_LENGTH) {
            problems.put("description", Texts.get("workgroup.description.long", Workgroup.DESCRIPTION_LENGTH));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Workgroup group = new Workgroup(n, d, now());
        em.persist(group);
        em.flush();
        // The group's private discussion area: the forum's code, readable only by whom WorkgroupForumAudience admits.
        forum.createAudienceCategory(new CategoryDraft(n, group.forumSlug(), Texts.get("workgroup.forum.description"), null,
                Visibility.MEMBERS, WORKGROUP_FORUM_POSITION), group.key());
        return group;
    }

    public void appointChair(Actor actor, long groupId, String username) {
        requireAdmin(actor);
        Workgroup group = group(groupId);
        long member = memberNamed("chairUsername", username);
        if (!isChair(group.id(), member)) {
            em.persist(new Chair(group.id(), member, now(), actor.memberId()));
        }
    }

    public List<Workgroup> all() {
        return em.createNamedQuery("Workgroup.all", Workgroup.class).getResultList();
    }

    public Workgroup group(long groupId) {
        return Optional.ofNullable(em.find(Workgroup.class, groupId))
                .orElseThrow(() -> new NoSuchWorkgroupItemException("No workgroup " + groupId));
    }

    public boolean isChair(long groupId, long memberId) {
        return em.createNamedQuery("Chair.count", Long.class).setParameter("group", groupId).setParameter("member", memberId)
                .getSingleResult() > 0;
    }

    public boolean isActiveParticipant(long groupId, long memberId) {
        return activeParticipation(groupId, memberId).isPresent();
    }

    // ------------------------------------------------------------------ joining

    /** The joining clause a member accepts, in the exact words recorded with their consent. */
    public String joiningClause(Workgroup group) {
        return clause.wording(group);
    }

    /** A member applies to join, accepting the joining clause; a chair then decides. */
    public JoinRequest apply(long memberId, long groupId, boolean clauseAccepted) {
        Workgroup group = group(groupId);
        requireClause(clauseAccepted);
        if (isActiveParticipant(groupId, memberId)) {
            throw new InvalidInputException("apply", Texts.get("workgroup.apply.already"));
        }
        Optional<JoinRequest> open = openRequest(groupId, memberId);
        if (open.isPresent()) {
            if (open.get().kind() == JoinRequest.Kind.INVITATION) {
                return acceptInvitation(memberId, open.get().id(), true);
            }
            return open.get();
        }
        long consent = clause.accept(memberId, group, "Workgroup application form");
        JoinRequest request = new JoinRequest(groupId, memberId, JoinRequest.Kind.APPLICATION, consent, now(), memberId);
        em.persist(request);
        em.flush();
        return request;
    }

    /** A chair invites a member by username; the member accepts in their portal page. */
    public JoinRequest invite(Actor actor, long groupId, String username) {
        Workgroup group = group(groupId);
        requireChair(actor, groupId);
        long member = memberNamed("username", username);
        if (isActiveParticipant(groupId, member)) {
            throw new InvalidInputException("username", Texts.get("workgroup.invite.already"));
        }
        Optional<JoinRequest> open = openRequest(groupId, member);
        if (open.isPresent()) {
            if (open.get().kind() == JoinRequest.Kind.APPLICATION) {
                return approve(actor, open.get().id());
            }
            return open.get();
        }
        JoinRequest request = new JoinRequest(groupId, member, JoinRequest.Kind.INVITATION, null, now(), actor.memberId());
        em.persist(request);
        em.flush();
        mails.invited(addresses.contacts(List.of(member)).get(member), group);
        return request;
    }

    /** A chair approves an application: the participation starts now. */
    public JoinRequest approve(Actor actor, long requestId) {
        JoinRequest request = openRequest(requestId);
        requireChair(actor, request.workgroupId());
        if (request.kind() != JoinRequest.Kind.APPLICATION) {
            throw new NoSuchWorkgroupItemException("No application " + requestId);
        }
        request.decide(JoinRequest.Status.ACCEPTED, now());
        start(group(request.workgroupId()), request.memberId(), request.consentId());
        return request;
    }

    /** A chair declines an application. */
    public void decline(Actor actor, long requestId) {
        JoinRequest request = openRequest(requestId);
        requireChair(actor, request.workgroupId());
        request.decide(JoinRequest.Status.DECLINED, now());
    }

    /** The invited member accepts, accepting the joining clause: the participation starts now. */
    public JoinRequest acceptInvitation(long memberId, long requestId, boolean clauseAccepted) {
        JoinRequest request = openRequest(requestId);
        if (request.memberId() != memberId || request.kind() != JoinRequest.Kind.INVITATION) {
            throw new NoSuchWorkgroupItemException("No invitation " + requestId);
        }
        requireClause(clauseAccepted);
        Workgroup group = group(request.workgroupId());
        long consent = clause.accept(memberId, group, "Workgroup invitation");
        request.decide(JoinRequest.Status.ACCEPTED, now());
        start(group, memberId, consent);
        return request;
    }

    /** The member leaves: their participation ends now. */
    public void leave(long memberId, long groupId) {
        Participation p = activeParticipation(groupId, memberId)
                .orElseThrow(() -> new NoSuchWorkgroupItemException("Not a participant of " + groupId));
        p.end(Participation.End.LEFT, null, memberId, now());
    }

    /**
     * The member withdrew their acceptance of the joining clause (in the privacy centre): they stop
     * taking part now, and an application of theirs waiting for a chair is withdrawn with it.
     */
    public void joiningConsentWithdrawn(long memberId, long groupId) {
        activeParticipation(groupId, memberId)
                .ifPresent(p -> p.end(Participation.End.LEFT, Texts.get("workgroup.left.withdrawn"), memberId, now()));
        openRequest(groupId, memberId).filter(r -> r.kind() == JoinRequest.Kind.APPLICATION)
                .ifPresent(r -> r.decide(JoinRequest.Status.DECLINED, now()));
    }

    /** A chair marks a participant inactive with a reason the member sees. */
    public void markInactive(Actor actor, long participationId, String reason) {
        Participation p = em.find(Participation.class, participationId, LockModeType.PESSIMISTIC_WRITE);
        if (p == null || !p.isActive()) {
            throw new NoSuchWorkgroupItemException("No active participation " + participationId);
        }
        requireChair(actor, p.workgroupId());
        String r = reason == null ? "" : reason.strip();
        if (r.isEmpty()) {
            throw new InvalidInputException("reason", Texts.get("workgroup.inactive.reason.required"));
        }
        if (r.length() > Participation.REASON_LENGTH) {
            throw new InvalidInputException("reason", Texts.get("workgroup.inactive.reason.long", Participation.REASON_LENGTH));
        }
        p.end(Participation.End.INACTIVE, r, actor.memberId(), now());
        mails.markedInactive(addresses.contacts(List.of(p.memberId())).get(p.memberId()), group(p.workgroupId()), r);
    }

    private void start(Workgroup group, long memberId, Long consentId) {
        if (isActiveParticipant(group.id(), memberId)) {
            return;
        }
        OffsetDateTime at = now();
        em.persist(new Participation(group.id(), memberId, consentId, at));
        // Fellow participants see each other's collaboration profile (P-RELEASE-2): recorded once, on joining.
        disclosures.disclose(Disclosure.of(new Recipient(RecipientKind.WORKGROUP, group.key(),
                        Texts.get("workgroup.ledger.collaborators", group.name())), COLLABORATION_FIELDS,
                Texts.get("workgroup.ledger.collaboration", group.name()), memberId, Basis.clause(PolicyClause.COLLABORATION)));
        // Whoever joins while a release is planned is told what it will publish, like everyone else.
        for (Release release : em.createNamedQuery("Release.plannedOfGroup", Release.class).setParameter("group", group.id())
                .setParameter("planned", Release.Status.PLANNED).getResultList()) {
            notify(release, document(release.documentId()), group, List.of(memberId));
        }
        em.flush();
    }

    // ------------------------------------------------------------------ views

    /** The group's page as this member (null: anonymous) sees it; insiders see much more. */
    public GroupPage page(Long viewerId, boolean admin, long groupId) {
        Workgroup group = group(groupId);
        boolean signedIn = viewerId != null;
        boolean chair = signedIn && isChair(groupId, viewerId);
        boolean participant = signedIn && isActiveParticipant(groupId, viewerId);
        Optional<JoinRequest> open = signedIn ? openRequest(groupId, viewerId) : Optional.empty();
        List<Chair> chairRows = em.createNamedQuery("Chair.ofGroup", Chair.class).setParameter("group", groupId).getResultList();
        Map<Long, String> chairNames = directory.usernames(chairRows.stream().map(Chair::memberId).toList());
        List<String> chairs = chairRows.stream().map(c -> chairNames.get(c.memberId())).toList();
        boolean insider = chair || participant || admin;
        return new GroupPage(group, signedIn, admin, chair, participant,
                open.filter(r -> r.kind() == JoinRequest.Kind.APPLICATION).isPresent(),
                open.filter(r -> r.kind() == JoinRequest.Kind.INVITATION).map(JoinRequest::id).orElse(null),
                chairs,
                insider ? collaborators(group, chairRows) : List.of(),
                chair || admin ? requests(groupId) : List.of(),
                chair || admin ? participations(group) : List.of(),
                insider ? documents(groupId) : List.of(),
                insider ? releases(groupId) : List.of());
    }

    /**
     * The collaboration view (P-RELEASE-2): each active participant's name and email (the policy's
     * collaboration clause), and the organization and photo as their profile shows them to fellow members.
     * Only participants, chairs and administrators may ask.
     */
    public List<Collaborator> collaborators(long viewerId, boolean admin, long groupId) {
        Workgroup group = group(groupId);
        if (!admin && !isChair(groupId, viewerId) && !isActiveParticipant(groupId, viewerId)) {
            throw new NoSuchWorkgroupItemException("Not an insider of " + groupId);
        }
        return collaborators(group, em.createNamedQuery("Chair.ofGroup", Chair.class).setParameter("group", groupId).getResultList());
    }

    private List<Collaborator> collaborators(Workgroup group, List<Chair> chairs) {
        List<Participation> active = active(group.id());
        List<Long> ids = active.stream().map(Participation::memberId).toList();
        Set<Long> chairIds = new HashSet<>(chairs.stream().map(Chair::memberId).toList());
        Map<Long, MemberAddresses.Address> contacts = addresses.contacts(ids);
        Map<Long, String> usernames = directory.usernames(ids);
        Map<Long, String> organizations = profiles.organizationsShownTo(Viewer.FELLOW, ids);
        Set<Long> photos = profiles.photosShownTo(Viewer.FELLOW, ids);
        List<Collaborator> list = new ArrayList<>();
        for (Participation p : active) {
            MemberAddresses.Address a = contacts.get(p.memberId());
            if (a != null) {
                list.add(new Collaborator(p.memberId(), usernames.get(p.memberId()), a.name(), a.email(),
                        organizations.get(p.memberId()), photos.contains(p.memberId()), p.joinedAt(), chairIds.contains(p.memberId())));
            }
        }
        return list;
    }

    private List<RequestLine> requests(long groupId) {
        List<JoinRequest> open = em.createNamedQuery("JoinRequest.openOfGroup", JoinRequest.class).setParameter("group", groupId)
                .setParameter("open", JoinRequest.Status.OPEN).getResultList();
        return requestLines(open);
    }

    private List<RequestLine> requestLines(List<JoinRequest> open) {
        Map<Long, String> names = directory.usernames(open.stream().map(JoinRequest::memberId).toList());
        Map<Long, String> groups = new LinkedHashMap<>();
        List<RequestLine> lines = new ArrayList<>();
        for (JoinRequest r : open) {
            String groupName = groups.computeIfAbsent(r.workgroupId(), id -> group(id).name());
            lines.add(new RequestLine(r.id(), r.workgroupId(), groupName, r.memberId(), names.get(r.memberId()), r.kind(), r.createdAt()));
        }
        return lines;
    }

    private List<ParticipationLine> participations(Workgroup group) {
        List<Participation> all = em.createQuery("SELECT p FROM Participation p WHERE p.workgroupId = :group"
                + " ORDER BY p.joinedAt, p.id", Participation.class).setParameter("group", group.id()).getResultList();
        Map<Long, String> names = directory.usernames(all.stream().map(Participation::memberId).toList());
        return all.stream().map(p -> line(p, group.name(), names.get(p.memberId()))).toList();
    }

    private static ParticipationLine line(Participation p, String groupName, String username) {
        return new ParticipationLine(p.id(), p.workgroupId(), groupName, p.memberId(), username, p.joinedAt(), p.endedAt(),
                p.endKind(), p.endReason());
    }

    /** The member's own participations, newest first, with the reason of any end a chair gave. */
    public List<ParticipationLine> myParticipations(long memberId) {
        List<Participation> mine = em.createNamedQuery("Participation.ofMember", Participation.class)
                .setParameter("member", memberId).getResultList();
        Map<Long, String> groups = new LinkedHashMap<>();
        return mine.stream().map(p -> line(p, groups.computeIfAbsent(p.workgroupId(), id -> group(id).name()), null)).toList();
    }

    /** The member's open invitations and applications. */
    public List<RequestLine> myRequests(long memberId) {
        return requestLines(em.createNamedQuery("JoinRequest.openOfMember", JoinRequest.class).setParameter("member", memberId)
                .setParameter("open", JoinRequest.Status.OPEN).getResultList());
    }

    // ------------------------------------------------------------------ documents

    /** A chair uploads a version; the type is checked on the content, the size against the limit. */
    public Document upload(Actor actor, long groupId, String title, String versionLabel, String fileName, byte[] content) {
        group(groupId);
        requireChair(actor, groupId);
        Map<String, String> problems = new LinkedHashMap<>();
        String t = title == null ? "" : title.strip();
        String v = versionLabel == null ? "" : versionLabel.strip();
        String f = fileName == null ? "" : fileName.replaceAll(".*[/\\\\]", "").strip();
        if (t.isEmpty()) {
            problems.put("title", Texts.get("workgroup.document.title.required"));
        } else if (t.length() > Document.TITLE_LENGTH) {
            problems.put("title", Texts.get("workgroup.document.title.long", Document.TITLE_LENGTH));
        }
        if (v.isEmpty()) {
            problems.put("version", Texts.get("workgroup.document.version.required"));
        } else if (v.length() > Document.LABEL_LENGTH) {
            problems.put("version", Texts.get("workgroup.document.version.long", Document.LABEL_LENGTH));
        }
        Optional<DocumentType> type = Optional.empty();
        if (content == null || content.length == 0 || f.isEmpty()) {
            problems.put("file", Texts.get("workgroup.document.file.required"));
        } else if (content.length > MAX_FILE_BYTES) {
            problems.put("file", Texts.get("workgroup.document.file.large", MAX_FILE_BYTES / (1024 * 1024)));
        } else if (f.length() > Document.FILE_NAME_LENGTH) {
            problems.put("file", Texts.get("workgroup.document.file.name", Document.FILE_NAME_LENGTH));
        } else {
            type = DocumentType.detect(f, content);
            if (type.isEmpty()) {
                problems.put("file", Texts.get("workgroup.document.file.type"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Document document = new Document(groupId, t, v, f, type.get(), content, now(), actor.memberId());
        em.persist(document);
        em.flush();
        return document;
    }

    /** A draft's file, for a participant, chair or administrator only. */
    public FileContent draft(Actor actor, long documentId) {
        Document d = document(documentId);
        if (!actor.admin() && !isChair(d.workgroupId(), actor.memberId()) && !isActiveParticipant(d.workgroupId(), actor.memberId())) {
            throw new NoSuchWorkgroupItemException("No document " + documentId);
        }
        return new FileContent(d.fileName(), d.mediaType(), d.content());
    }

    private List<DocumentLine> documents(long groupId) {
        return em.createQuery("SELECT NEW org.colloquy.workgroup.WorkgroupViews.DocumentLine(d.id, d.title, d.versionLabel,"
                        + " d.fileName, d.mediaType, d.byteSize, d.uploadedAt) FROM Document d WHERE d.workgroupId = :group"
                        + " ORDER BY d.uploadedAt DESC, d.id DESC", DocumentLine.class)
                .setParameter("group", groupId).getResultList();
    }

    private Document document(long documentId) {
        return Optional.ofNullable(em.find(Document.class, documentId))
                .orElseThrow(() -> new NoSuchWorkgroupItemException("No document " + documentId));
    }

    // ------------------------------------------------------------------ release

    /** The earliest date a release started today may be planned for. */
    public LocalDate earliestReleaseDate() {
        return today().plusDays(settings.noticeDays());
    }

    /**
     * A chair starts the release of a version, planned at least the notice period ahead: every
     * active participant gets a notice, by mail and in their portal page (P-RELEASE-3).
     */
    public Release startRelease(Actor actor, long documentId, LocalDate plannedFor) {
        Document document = document(documentId);
        requireChair(actor, document.workgroupId());
        if (plannedFor == null) {
            throw new InvalidInputException("planned", Texts.get("workgroup.release.date.required"));
        }
        if (plannedFor.isBefore(earliestReleaseDate())) {
            throw new InvalidInputException("planned", Texts.get("workgroup.release.date.early", settings.noticeDays(), earliestReleaseDate()));
        }
        Workgroup group = group(document.workgroupId());
        Release release = new Release(document, plannedFor, now(), actor.memberId());
        em.persist(release);
        em.flush();
        notify(release, document, group, active(group.id()).stream().map(Participation::memberId).toList());
        return release;
    }

    private void notify(Release release, Document document, Workgroup group, Collection<Long> memberIds) {
        Map<Long, MemberAddresses.Address> contacts = addresses.contacts(memberIds);
        Map<Long, String> organizations = profiles.organizationsOnFile(memberIds);
        OffsetDateTime at = now();
        for (long member : memberIds) {
            MemberAddresses.Address a = contacts.get(member);
            if (a == null || em.find(ReleaseNotice.class, key(release.id(), member)) != null) {
                continue;
            }
            ReleaseNotice notice = new ReleaseNotice(release.id(), member, a.name(), a.email(), organizations.get(member), at);
            em.persist(notice);
            mails.releaseNotice(a, group, document, release, notice);
        }
    }

    private static ReleaseNotice.Key key(long releaseId, long memberId) {
        ReleaseNotice.Key key = new ReleaseNotice.Key();
        key.releaseId = releaseId;
        key.memberId = memberId;
        return key;
    }

    /** The member's notices, newest first: what each release will publish about them. */
    public List<MyNotice> myNotices(long memberId) {
        List<ReleaseNotice> notices = em.createNamedQuery("ReleaseNotice.ofMember", ReleaseNotice.class)
                .setParameter("member", memberId).getResultList();
        List<MyNotice> mine = new ArrayList<>();
        for (ReleaseNotice n : notices) {
            Release r = em.find(Release.class, n.releaseId());
            Document d = document(r.documentId());
            mine.add(new MyNotice(r.id(), group(r.workgroupId()).name(), d.title(), d.versionLabel(), r.plannedFor(), n.name(),
                    n.email(), n.organization(), n.response(), n.objection(), r.isPlanned()));
        }
        return mine;
    }

    /** The participant confirms that what the notice shows may be published. */
    public void confirm(long memberId, long releaseId) {
        openNotice(memberId, releaseId).confirm(now());
    }

    /** The participant corrects their name and company as the release will publish them. */
    public void correct(long memberId, long releaseId, String name, String organization) {
        ReleaseNotice notice = openNotice(memberId, releaseId);
        String n = name == null ? "" : name.strip();
        String o = organization == null || organization.isBlank() ? null : organization.strip();
        Map<String, String> problems = new LinkedHashMap<>();
        if (n.isEmpty()) {
            problems.put("name", Texts.get("workgroup.notice.name.required"));
        } else if (n.length() > ReleaseNotice.NAME_LENGTH) {
            problems.put("name", Texts.get("workgroup.notice.name.long", ReleaseNotice.NAME_LENGTH));
        }
        if (o != null && o.length() > ReleaseNotice.ORGANIZATION_LENGTH) {
            problems.put("organization", Texts.get("workgroup.notice.organization.long", ReleaseNotice.ORGANIZATION_LENGTH));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        notice.correct(n, o, now());
    }

    /** The participant asks the chair to review their participation before the release. */
    public void object(long memberId, long releaseId, String note) {
        ReleaseNotice notice = openNotice(memberId, releaseId);
        String text = note == null ? "" : note.strip();
        if (text.isEmpty()) {
            throw new InvalidInputException("objection", Texts.get("workgroup.notice.objection.required"));
        }
        if (text.length() > ReleaseNotice.OBJECTION_LENGTH) {
            throw new InvalidInputException("objection", Texts.get("workgroup.notice.objection.long", ReleaseNotice.OBJECTION_LENGTH));
        }
        notice.object(text, now());
    }

    private ReleaseNotice openNotice(long memberId, long releaseId) {
        ReleaseNotice notice = em.find(ReleaseNotice.class, key(releaseId, memberId), LockModeType.PESSIMISTIC_WRITE);
        Release release = em.find(Release.class, releaseId);
        if (notice == null || release == null || !release.isPlanned()) {
            throw new NoSuchWorkgroupItemException("No open notice of release " + releaseId);
        }
        return notice;
    }

    /** Who confirmed, corrected or objected, for the group's chairs and administrators. */
    public List<NoticeLine> notices(Actor actor, long releaseId) {
        Release release = release(releaseId);
        requireChair(actor, release.workgroupId());
        List<ReleaseNotice> all = em.createNamedQuery("ReleaseNotice.ofRelease", ReleaseNotice.class)
                .setParameter("release", releaseId).getResultList();
        Map<Long, String> names = directory.usernames(all.stream().map(ReleaseNotice::memberId).toList());
        Set<Long> active = new HashSet<>(active(release.workgroupId()).stream().map(Participation::memberId).toList());
        return all.stream().map(n -> new NoticeLine(releaseId, n.memberId(), names.get(n.memberId()), n.name(), n.email(),
                n.organization(), n.response(), n.objection(), active.contains(n.memberId()))).toList();
    }

    /**
     * A chair releases on or after the planned date: the participants active now are frozen into
     * the public list, each as their notice says (corrected where they corrected it), and each
     * one's ledger gets the disclosure under the document-release clause (P-RELEASE-1). Without a
     * chair, {@link ReleaseDay} does the same on the planned date.
     */
    public Release release(Actor actor, long releaseId) {
        Release release = em.find(Release.class, releaseId, LockModeType.PESSIMISTIC_WRITE);
        if (release == null) {
            throw new NoSuchWorkgroupItemException("No release " + releaseId);
        }
        requireChair(actor, release.workgroupId());
        if (!release.isPlanned()) {
            throw new InvalidInputException("release", Texts.get("workgroup.release.notPlanned"));
        }
        if (today().isBefore(release.plannedFor())) {
            throw new InvalidInputException("release", Texts.get("workgroup.release.tooEarly", release.plannedFor()));
        }
        return publish(release, actor.memberId());
    }

    /** The ids of the planned releases whose date has come by {@code today}, oldest date first. */
    public List<Long> dueReleases(LocalDate today) {
        return em.createNamedQuery("Release.due", Long.class).setParameter("planned", Release.Status.PLANNED)
                .setParameter("today", today).getResultList();
    }

    /**
     * Releases a planned release on its date without a chair ({@link ReleaseDay}), exactly as a
     * chair's release does. The row is locked first and its state read after the lock, so when two
     * nodes (or a chair and a node) release at once, the second finds it released and does nothing.
     *
     * @return whether this call released it
     */
    public boolean releaseOnItsDate(long releaseId, LocalDate today) {
        Release release = em.find(Release.class, releaseId, LockModeType.PESSIMISTIC_WRITE);
        if (release == null || !release.isPlanned() || today.isBefore(release.plannedFor())) {
            return false;
        }
        publish(release, null);
        return true;
    }

    /** Freezes the participants active now into the release and discloses them (the row is locked and planned). */
    private Release publish(Release release, Long by) {
        long releaseId = release.id();
        Workgroup group = group(release.workgroupId());
        Document document = document(release.documentId());
        OffsetDateTime at = now();
        List<Participation> listed = em.createNamedQuery("Participation.activeAt", Participation.class)
                .setParameter("group", group.id()).setParameter("at", at).getResultList();
        List<Long> ids = listed.stream().map(Participation::memberId).distinct().toList();
        Map<Long, MemberAddresses.Address> contacts = addresses.contacts(ids);
        Map<Long, String> organizations = profiles.organizationsOnFile(ids);
        Map<Long, Basis> bases = new LinkedHashMap<>();
        List<ReleaseParticipant> lines = new ArrayList<>();
        for (long member : ids) {
            ReleaseNotice notice = em.find(ReleaseNotice.class, key(releaseId, member));
            MemberAddresses.Address a = contacts.get(member);
            if (a == null) {
                continue;
            }
            String name = notice != null ? notice.name() : a.name();
            String organization = notice != null ? notice.organization() : organizations.get(member);
            lines.add(new ReleaseParticipant(releaseId, 0, member, name, a.email(), organization));
        }
        // Published in the order of the names, as acknowledgment lists are.
        lines.sort(java.util.Comparator.comparing((ReleaseParticipant p) -> p.name().toLowerCase(java.util.Locale.ROOT))
                .thenComparing(ReleaseParticipant::email));
        int position = 0;
        for (ReleaseParticipant line : lines) {
            em.persist(new ReleaseParticipant(releaseId, position++, line.memberId(), line.name(), line.email(), line.organization()));
            bases.put(line.memberId(), Basis.clause(PolicyClause.DOCUMENT_RELEASE));
        }
        release.released(at, by);
        if (!bases.isEmpty()) {
            disclosures.disclose(new Disclosure(Recipient.everyone(Texts.get("workgroup.ledger.public", document.title())),
                    RELEASED_FIELDS, Texts.get("workgroup.ledger.released", document.title() + " " + document.versionLabel()), bases));
        }
        em.flush();
        return release;
    }

    /** An administrator withdraws a release with a reason; the ledger keeps the past disclosure. */
    public void withdraw(Actor actor, long releaseId, String reason) {
        requireAdmin(actor);
        Release release = release(releaseId);
        if (release.isWithdrawn()) {
            return;
        }
        String r = reason == null ? "" : reason.strip();
        if (r.isEmpty()) {
            throw new InvalidInputException("reason", Texts.get("workgroup.withdraw.reason.required"));
        }
        if (r.length() > Release.REASON_LENGTH) {
            throw new InvalidInputException("reason", Texts.get("workgroup.withdraw.reason.long", Release.REASON_LENGTH));
        }
        release.withdrawn(now(), actor.memberId(), r);
    }

    private Release release(long releaseId) {
        return Optional.ofNullable(em.find(Release.class, releaseId))
                .orElseThrow(() -> new NoSuchWorkgroupItemException("No release " + releaseId));
    }

    private List<ReleaseLine> releases(long groupId) {
        LocalDate today = today();
        List<ReleaseLine> lines = new ArrayList<>();
        for (Release r : em.createNamedQuery("Release.ofGroup", Release.class).setParameter("group", groupId).getResultList()) {
            Document d = document(r.documentId());
            lines.add(new ReleaseLine(r.id(), d.id(), d.title(), d.versionLabel(), r.plannedFor(), r.status(), r.releasedAt(),
                    r.isPlanned() && !today.isBefore(r.plannedFor())));
        }
        return lines;
    }

    /** Every released document, newest first, for the public list. */
    public List<PublicRelease> released() {
        return em.createNamedQuery("Release.released", Release.class).setParameter("released", Release.Status.RELEASED)
                .getResultList().stream().map(r -> publicRelease(r, false)).toList();
    }

    /** A released (or withdrawn) document as everyone sees it; planned ones do not exist publicly. */
    public PublicRelease publicRelease(long releaseId) {
        Release r = release(releaseId);
        if (r.isPlanned()) {
            throw new NoSuchWorkgroupItemException("No release " + releaseId);
        }
        return publicRelease(r, true);
    }

    private PublicRelease publicRelease(Release r, boolean withParticipants) {
        Document d = document(r.documentId());
        List<ReleaseParticipant> participants = withParticipants && r.isReleased()
                ? em.createNamedQuery("ReleaseParticipant.ofRelease", ReleaseParticipant.class).setParameter("release", r.id()).getResultList()
                : List.of();
        return new PublicRelease(r.id(), group(r.workgroupId()).name(), d.title(), d.versionLabel(), d.fileName(), d.mediaType(),
                d.byteSize(), r.releasedAt(), r.isWithdrawn(), r.withdrawnAt(), r.withdrawReason(), participants);
    }

    /** The file of a release that is public now (released and not withdrawn). */
    public FileContent releasedFile(long releaseId) {
        Release r = release(releaseId);
        if (!r.isReleased()) {
            throw new NoSuchWorkgroupItemException("No released document " + releaseId);
        }
        Document d = document(r.documentId());
        return new FileContent(d.fileName(), d.mediaType(), d.content());
    }

    // ------------------------------------------------------------------ fellowship

    /** Whether both are active participants of at least one workgroup. */
    public boolean shareAWorkgroup(long member, long other) {
        if (member == other) {
            return false;
        }
        return em.createNamedQuery("Participation.shared", Long.class).setParameter("a", member).setParameter("b", other)
                .getSingleResult() > 0;
    }

    // ------------------------------------------------------------------ helpers

    private List<Participation> active(long groupId) {
        return em.createNamedQuery("Participation.activeOfGroup", Participation.class).setParameter("group", groupId).getResultList();
    }

    private Optional<Participation> activeParticipation(long groupId, long memberId) {
        return em.createNamedQuery("Participation.active", Participation.class).setParameter("group", groupId)
                .setParameter("member", memberId).getResultStream().findFirst();
    }

    private Optional<JoinRequest> openRequest(long groupId, long memberId) {
        return em.createNamedQuery("JoinRequest.open", JoinRequest.class).setParameter("group", groupId).setParameter("member", memberId)
                .setParameter("open", JoinRequest.Status.OPEN).getResultStream().findFirst();
    }

    private JoinRequest openRequest(long requestId) {
        JoinRequest request = em.find(JoinRequest.class, requestId, LockModeType.PESSIMISTIC_WRITE);
        if (request == null || request.status() != JoinRequest.Status.OPEN) {
            throw new NoSuchWorkgroupItemException("No open request " + requestId);
        }
        return request;
    }

    private long memberNamed(String field, String username) {
        String u = username == null ? "" : username.strip();
        if (u.isEmpty()) {
            throw new InvalidInputException(field, Texts.get("workgroup.username.required"));
        }
        return directory.idOf(u).orElseThrow(() -> new InvalidInputException(field, Texts.get("workgroup.username.unknown", u)));
    }

    private static void requireAdmin(Actor actor) {
        if (actor == null || !actor.admin()) {
            throw new NoSuchWorkgroupItemException("Administrators only");
        }
    }

    private void requireChair(Actor actor, long groupId) {
        if (actor == null || (!actor.admin() && !isChair(groupId, actor.memberId()))) {
            throw new NoSuchWorkgroupItemException("Chairs only");
        }
    }

    private static void requireClause(boolean accepted) {
        if (!accepted) {
            throw new InvalidInputException("clause", Texts.get("workgroup.clause.required"));
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** The ids of every member who took part in the group, ended participations included. */
    public List<Long> participantIds(long groupId) {
        return em.createQuery("SELECT DISTINCT p.memberId FROM Participation p WHERE p.workgroupId = :group ORDER BY p.memberId", Long.class)
                .setParameter("group", groupId).getResultList();
    }
}
