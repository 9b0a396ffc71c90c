package org.colloquy.workgroup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;

import org.colloquy.forum.ForumAudiences;
import org.colloquy.forum.ForumCategory;
import org.colloquy.forum.ForumFeeds;
import org.colloquy.forum.ForumRepository;
import org.colloquy.forum.ForumWriter;
import org.colloquy.forum.NoSuchForumItemException;
import org.colloquy.forum.Topic;
import org.colloquy.platform.persistence.DatabaseMigrator;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.policy.PolicyKind;
import org.colloquy.policy.PolicyPublisher;
import org.colloquy.policy.PolicyService;
import org.colloquy.privacy.Consent;
import org.colloquy.privacy.ConsentPurpose;
import org.colloquy.privacy.ConsentService;
import org.colloquy.privacy.DisclosureService;
import org.colloquy.privacy.LedgerEntryView;
import org.colloquy.privacy.PolicyClause;
import org.colloquy.privacy.RecipientKind;
import org.colloquy.profile.Audience;
import org.colloquy.profile.ProfileDraft;
import org.colloquy.profile.ProfileField;
import org.colloquy.profile.ProfileLevel;
import org.colloquy.profile.ProfileVisibility;
import org.colloquy.profile.ProfileWriter;
import org.colloquy.profile.Viewer;
import org.colloquy.test.Deployments;
import org.colloquy.test.TestMembers;
import org.colloquy.workgroup.WorkgroupViews.Collaborator;
import org.colloquy.workgroup.WorkgroupViews.PublicRelease;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Workgroups inside the container on the real database: joining with the clause as a consent,
 * approvals and invitations, leaving and being marked inactive, the collaboration view and the
 * profile's "my workgroups" audience, document types checked on the content, drafts refused to
 * outsiders, the pre-release notice with corrections, and the release that freezes exactly the
 * participants active at its moment (joined or left earlier on the release day) and writes each
 * one's ledger. Every refusal of a crafted request is asserted with the same call an outsider would make.
 */
@ExtendWith(ArquillianExtension.class)
class WorkgroupServicesIT {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Deployment
    static WebArchive deployment() {
        return Deployments.portal().addClasses(TestMembers.class);
    }

    @Resource(lookup = DatabaseMigrator.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    Workgroups workgroups;

    @Inject
    ConsentService consents;

    @Inject
    DisclosureService disclosures;

    @Inject
    ProfileWriter profiles;

    @Inject
    ProfileVisibility visibility;

    @Inject
    PolicyService policies;

    @Inject
    WorkgroupDemoContent demo;

    @Inject
    ReleaseDay releaseDay;

    @Inject
    ForumWriter forumWriter;

    @Inject
    ForumRepository forumCategories;

    @Inject
    ForumAudiences forumAudiences;

    @Inject
    ForumFeeds feeds;

    @Inject
    PolicyPublisher publisher;

    @Resource
    ManagedExecutorService executor;

    @Inject
    org.colloquy.account.MemberDirectory directory;

    private final String id = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private final Actor admin = Actor.administrator(0);

    private long member(String name) {
        return new TestMembers(dataSource, policies).create(name + id, name + " Real" + id, name + "." + id + "@example.org",
                OffsetDateTime.now(ZoneOffset.UTC).minusDays(30), true);
    }

    private record Group(Workgroup group, long chair) {
        Actor chairActor() {
            return Actor.member(chair);
        }
    }

    private Group group(String name) {
        Workgroup group = workgroups.create(admin, name + " " + id, "Writes the " + name + " guide.");
        long chair = member("chair" + name.substring(0, 2));
        workgroups.appointChair(admin, group.id(), "chair" + name.substring(0, 2) + id);
        return new Group(group, chair);
    }

    private long join(Group g, long member) {
        JoinRequest request = workgroups.apply(member, g.group().id(), true);
        workgroups.approve(g.chairActor(), request.id());
        return member;
    }

    /** P-RELEASE-1: joining states the clause; the member accepts it as a consent of its exact words; a chair approves. */
    @Test
    void joiningRecordsTheClauseAsAConsentAndAChairApproves_P_RELEASE_1() {
        Group g = group("Joining");
        long applicant = member("applicant");
        InvalidInputException noClause = assertThrows(InvalidInputException.class, () -> workgroups.apply(applicant, g.group().id(), false));
        assertTrue(noClause.problems().containsKey("clause"));

        JoinRequest request = workgroups.apply(applicant, g.group().id(), true);
        Consent consent = consents.find(request.consentId()).orElseThrow();
        assertEquals(ConsentPurpose.WORKGROUP_JOINING, consent.purpose());
        assertEquals(workgroups.joiningClause(g.group()), consent.noticeText());
        assertTrue(consent.noticeText().contains("the name, email and company of each active participant are published"), consent.noticeText());
        assertFalse(workgroups.isActiveParticipant(g.group().id(), applicant), "not before a chair approves");

        // A crafted approval by the applicant or another member is refused as if the request did not exist.
        long other = member("other");
        assertThrows(NoSuchWorkgroupItemException.class, () -> workgroups.approve(Actor.member(applicant), request.id()));
        assertThrows(NoSuchWorkgroupItemException.class, () -> workgroups.approve(Actor.member(other), request.id()));
        assertThrows(NoSuchWorkgroupItemException.class, () -> workgroups.create(Actor.member(other), "Rogue " + id, ""));
        assertThrows(NoSuchWorkgroupItemException.class, () -> workgroups.appointChair(Actor.member(other), g.group().id(), "other" + id));

        workgroups.approve(g.chairActor(), request.id());
        assertTrue(workgroups.isActiveParticipant(g.group().id(), applicant));
        // The collaboration clause is in the new participant's ledger (P-RELEASE-2).
        assertTrue(disclosures.forMember(applicant, 0, 10).entries().stream()
                .anyMatch(e -> e.kind() == RecipientKind.WORKGROUP && e.clause() == PolicyClause.COLLABORATION));

        // An invitation: the member accepts it with the clause.
        long invited = member("invited");
        JoinRequest invitation = workgroups.invite(g.chairActor(), g.group().id(), "invited" + id);
        assertThrows(NoSuchWorkgroupItemException.class, () -> workgroups.acceptInvitation(other, invitation.id(), true),
                "only the invited member accepts");
        assertThrows(InvalidInputException.class, () -> workgroups.acceptInvitation(invited, invitation.id(), false));
        workgroups.acceptInvitation(invited, invitation.id(), true);
        assertTrue(workgroups.isActiveParticipant(g.group().id(), invited));
        assertTrue(consents.live(invited, ConsentPurpose.WORKGROUP_JOINING, g.group().key()).isPresent());
    }

    /** Participation has dates: leaving ends it; a chair marks a member inactive with a reason the member sees. */
    @Test
    void participationEndsByLeavingOrByAChairWithAReason() {
        Group g = group("Leaving");
        long leaver = join(g, member("leaver"));
        long idle = join(g, member("idle"));
        workgroups.leave(leaver, g.group().id());
        assertFalse(workgroups.isActiveParticipant(g.group().id(), leaver));
        WorkgroupViews.ParticipationLine left = workgroups.myParticipations(leaver).get(0);
        assertEquals(Participation.End.LEFT, left.endKind());
        assertTrue(left.endedAt() != null && !left.joinedAt().isAfter(left.endedAt()));

        long participation = workgroups.page(g.chair(), false, g.group().id()).participations().stream()
                .filter(p -> p.memberId() == idle).findFirst().orElseThrow().id();
        assertThrows(NoSuchWorkgroupItemException.class, () -> workgroups.markInactive(Actor.member(idle), participation, "no"),
                "a member cannot end another's participation");
        assertTrue(assertThrows(InvalidInputException.class, () -> workgroups.markInactive(g.chairActor(), participation, " "))
                .problems().containsKey("reason"));
        workgroups.markInactive(g.chairActor(), participation, "No contribution since March.");
        WorkgroupViews.ParticipationLine mine = workgroups.myParticipations(idle).get(0);
        assertEquals(Participation.End.INACTIVE, mine.endKind());
        assertEquals("No contribution since March.", mine.endReason());

        // Withdrawing the joining clause's consent in the privacy centre ends the participation too.
        long withdrawer = join(g, member("withdrawer"));
        Consent joining = consents.live(withdrawer, ConsentPurpose.WORKGROUP_JOINING, g.group().key()).orElseThrow();
        consents.withdraw(withdrawer, joining.id(), "Privacy centre");
        assertFalse(workgroups.isActiveParticipant(g.group().id(), withdrawer));
        assertEquals(Participation.End.LEFT, workgroups.myParticipations(withdrawer).get(0).endKind());
    }

    /** P-RELEASE-2: participants see each other's name, email and the organization their profile shows to fellows. */
    @Test
    void participantsSeeEachOthersCollaborationProfile_P_RELEASE_2() {
        Group g = group("Collab");
        long ann = join(g, member("ann"));
        long bob = join(g, member("bob"));
        long outsider = member("outsider");
        profile(ann, "Ann Corp", Audience.WORKGROUPS);
        profile(bob, "Bob Corp", Audience.ONLY_ME);

        List<Collaborator> seen = workgroups.collaborators(bob, false, g.group().id());
        Collaborator annSeen = seen.stream().filter(c -> c.memberId() == ann).findFirst().orElseThrow();
        assertEquals("ann Real" + id, annSeen.name());
        assertEquals("ann." + id + "@example.org", annSeen.email());
        assertEquals("Ann Corp", annSeen.organization(), "shown to 'my workgroups'");
        assertNull(seen.stream().filter(c -> c.memberId() == bob).findFirst().orElseThrow().organization(), "only me");
        assertFalse(annSeen.photo(), "no photo yet");

        // Photos: a full profile's photo shows to fellows; a private profile's photo to nobody else.
        long cleo = join(g, member("cleo"));
        profiles.savePhoto(ann, png());
        profiles.savePhoto(cleo, png());
        profiles.save(cleo, new ProfileDraft(ProfileLevel.PRIVATE, Map.of(), Map.of()));
        Map<Long, Boolean> photos = new java.util.HashMap<>();
        workgroups.collaborators(bob, false, g.group().id()).forEach(c -> photos.put(c.memberId(), c.photo()));
        assertEquals(Map.of(ann, true, bob, false, cleo, false), photos);
        assertThrows(NoSuchWorkgroupItemException.class, () -> workgroups.collaborators(outsider, false, g.group().id()));
        assertTrue(workgroups.page(outsider, false, g.group().id()).collaborators().isEmpty());

        // The profile's "my workgroups" audience follows the participation.
        assertEquals(Viewer.FELLOW, visibility.relation(Optional.of(bob), ann));
        assertEquals(Viewer.MEMBER, visibility.relation(Optional.of(outsider), ann));
        workgroups.leave(bob, g.group().id());
        assertEquals(Viewer.MEMBER, visibility.relation(Optional.of(bob), ann), "not after leaving");
    }

    /** Chairs upload versions; the type is checked on the content; participants read drafts, outsiders cannot. */
    @Test
    void documentsAreCheckedByContentAndDraftsStayInsideTheGroup() {
        Group g = group("Docs");
        long reader = join(g, member("reader"));
        long outsider = member("stranger");
        assertThrows(NoSuchWorkgroupItemException.class,
                () -> workgroups.upload(Actor.member(reader), g.group().id(), "Guide", "Draft 1", "guide.pdf", PDF), "chairs only");
        InvalidInputException fake = assertThrows(InvalidInputException.class,
                () -> workgroups.upload(g.chairActor(), g.group().id(), "Guide", "Draft 1", "guide.pdf", "just text".getBytes(StandardCharsets.UTF_8)));
        assertTrue(fake.problems().get("file").startsWith("This file is not a PDF"), fake.problems().toString());
        byte[] exe = {'M', 'Z', 0, 0, 3, 0};
        assertThrows(InvalidInputException.class, () -> workgroups.upload(g.chairActor(), g.group().id(), "Guide", "1", "guide.md", exe));
        byte[] large = new byte[(int) Workgroups.MAX_FILE_BYTES + 1];
        System.arraycopy(PDF, 0, large, 0, PDF.length);
        assertTrue(assertThrows(InvalidInputException.class,
                () -> workgroups.upload(g.chairActor(), g.group().id(), "Guide", "1", "guide.pdf", large)).problems().get("file").contains("larger"));
        InvalidInputException empty = assertThrows(InvalidInputException.class,
                () -> workgroups.upload(g.chairActor(), g.group().id(), " ", "", "guide.pdf", PDF));
        assertEquals(List.of("title", "version"), List.copyOf(empty.problems().keySet()));

        Document pdf = workgroups.upload(g.chairActor(), g.group().id(), "Guide", "Draft 1", "guide.pdf", PDF);
        assertEquals("application/pdf", pdf.mediaType());
        Document md = workgroups.upload(g.chairActor(), g.group().id(), "Guide", "Draft 2", "guide.md",
                "# Guide\n\nSecond draft.\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(md.mediaType().startsWith("text/markdown"));

        assertArrayEquals(PDF, workgroups.draft(Actor.member(reader), pdf.id()).bytes());
        assertThrows(NoSuchWorkgroupItemException.class, () -> workgroups.draft(Actor.member(outsider), pdf.id()));
        assertEquals(2, workgroups.page(reader, false, g.group().id()).documents().size());
        assertTrue(workgroups.page(outsider, false, g.group().id()).documents().isEmpty());
        assertTrue(workgroups.page(null, false, g.group().id()).documents().isEmpty());
        workgroups.leave(reader, g.group().id());
        assertThrows(NoSuchWorkgroupItemException.class, () -> workgroups.draft(Actor.member(reader), pdf.id()), "not after leaving");
    }

    /**
     * P-RELEASE-3 and P-RELEASE-1: the release is planned at least the notice period ahead; every
     * active participant gets a notice and may correct it; released on the date, the list holds the
     * participants active at that moment, as corrected, and each one's ledger has the entry. Boundary:
     * one joined earlier on the release day (listed), one left earlier on the release day (not listed),
     * one joined after the release (not listed).
     */
    @Test
    void aReleaseListsExactlyTheParticipantsActiveAtItsMoment_P_RELEASE_1_P_RELEASE_3() throws Exception {
        Group g = group("Release");
        long carla = join(g, member("carla"));
        long dave = join(g, member("dave"));
        long leftToday = join(g, member("lefttoday"));
        long outsider = member("nosy");
        profile(carla, "Carla Old Corp", Audience.ONLY_ME);
        Document doc = workgroups.upload(g.chairActor(), g.group().id(), "Spec", "1.0", "spec.pdf", PDF);

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertTrue(assertThrows(InvalidInputException.class, () -> workgroups.startRelease(g.chairActor(), doc.id(), today.plusDays(6)))
                .problems().get("planned").contains("7 days"));
        assertThrows(NoSuchWorkgroupItemException.class, () -> workgroups.startRelease(Actor.member(carla), doc.id(), today.plusDays(7)));
        Release release = workgroups.startRelease(g.chairActor(), doc.id(), today.plusDays(7));

        // Every active participant is told exactly what will be published.
        WorkgroupViews.MyNotice notice = workgroups.myNotices(carla).get(0);
        assertEquals("carla Real" + id, notice.name());
        assertEquals("carla." + id + "@example.org", notice.email());
        assertEquals("Carla Old Corp", notice.organization(), "the company on file, whatever its audience");
        assertEquals(1, workgroups.myNotices(dave).size());
        assertTrue(workgroups.myNotices(outsider).isEmpty());

        workgroups.correct(carla, release.id(), "Carla Real" + id, "Carla New Corp");
        workgroups.confirm(dave, release.id());
        workgroups.object(leftToday, release.id(), "I only read the list.");
        assertThrows(NoSuchWorkgroupItemException.class, () -> workgroups.correct(outsider, release.id(), "Me", "X"));
        assertThrows(NoSuchWorkgroupItemException.class, () -> workgroups.notices(Actor.member(dave), release.id()), "chairs only");
        Map<Long, ReleaseNotice.Response> responses = new java.util.HashMap<>();
        workgroups.notices(g.chairActor(), release.id()).forEach(n -> responses.put(n.memberId(), n.response()));
        assertEquals(Map.of(carla, ReleaseNotice.Response.CORRECTED, dave, ReleaseNotice.Response.CONFIRMED,
                leftToday, ReleaseNotice.Response.OBJECTED), responses);

        // Not before the planned date.
        assertTrue(assertThrows(InvalidInputException.class, () -> workgroups.release(g.chairActor(), release.id()))
                .problems().containsKey("release"));
        assertThrows(NoSuchWorkgroupItemException.class, () -> workgroups.publicRelease(release.id()), "not public while planned");

        // The release day: one joined earlier today, one left earlier today (after the review).
        long joinedToday = join(g, member("joinedtoday"));
        workgroups.leave(leftToday, g.group().id());
        update("update document_release set planned_for = ? where id = ?", today, release.id());
        update("update workgroup_participation set joined_at = ? where member_id = ?",
                OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(5), joinedToday);

        assertThrows(NoSuchWorkgroupItemException.class, () -> workgroups.release(Actor.member(outsider), release.id()));
        workgroups.release(g.chairActor(), release.id());
        long joinedAfter = join(g, member("joinedafter"));

        PublicRelease published = workgroups.publicRelease(release.id());
        List<String> lines = published.participants().stream().map(p -> p.name() + " | " + p.email() + " | " + p.organization()).toList();
        assertEquals(List.of("Carla Real" + id + " | carla." + id + "@example.org | Carla New Corp",
                "dave Real" + id + " | dave." + id + "@example.org | null",
                "joinedtoday Real" + id + " | joinedtoday." + id + "@example.org | null"), lines);
        assertTrue(workgroups.released().stream().anyMatch(r -> r.id() == release.id()));
        assertArrayEquals(PDF, workgroups.releasedFile(release.id()).bytes());

        for (long listed : List.of(carla, dave, joinedToday)) {
            LedgerEntryView entry = disclosures.forMember(listed, 0, 1).entries().get(0);
            assertEquals(RecipientKind.PUBLIC, entry.kind());
            assertEquals(PolicyClause.DOCUMENT_RELEASE, entry.clause());
            assertEquals("Released publicly with Spec 1.0", entry.purpose());
            assertEquals(List.of("name", "email", "organization"), List.copyOf(entry.fields()));
        }
        for (long notListed : List.of(leftToday, joinedAfter)) {
            assertTrue(disclosures.forMember(notListed, 0, 10).entries().stream().noneMatch(e -> e.kind() == RecipientKind.PUBLIC));
        }

        // Withdrawal: administrators only, with a reason; the ledger keeps the past.
        assertThrows(NoSuchWorkgroupItemException.class, () -> workgroups.withdraw(g.chairActor(), release.id(), "no"));
        assertTrue(assertThrows(InvalidInputException.class, () -> workgroups.withdraw(admin, release.id(), "")).problems().containsKey("reason"));
        workgroups.withdraw(admin, release.id(), "A participant's address was wrong.");
        PublicRelease withdrawn = workgroups.publicRelease(release.id());
        assertTrue(withdrawn.withdrawn());
        assertEquals("A participant's address was wrong.", withdrawn.withdrawReason());
        assertTrue(withdrawn.participants().isEmpty(), "the list is no longer shown");
        assertThrows(NoSuchWorkgroupItemException.class, () -> workgroups.releasedFile(release.id()));
        assertTrue(workgroups.released().stream().noneMatch(r -> r.id() == release.id()));
        assertEquals(PolicyClause.DOCUMENT_RELEASE, disclosures.forMember(carla, 0, 1).entries().get(0).clause());
    }

    /**
     * P-RELEASE-1 without the chair: on its planned date the scheduled job releases a planned release
     * exactly as a chair's release does (participants active at that moment, as their notices say,
     * each one's ledger entry, the public page), and only once: two nodes running the job at the same
     * moment release it once, and a later run finds nothing to do.
     */
    @Test
    void theJobReleasesOnThePlannedDateOnceWithoutTheChair_P_RELEASE_1() throws Exception {
        Group g = group("Dated");
        long erin = join(g, member("erin"));
        long finn = join(g, member("finn"));
        Document doc = workgroups.upload(g.chairActor(), g.group().id(), "Charter", "2.0", "charter.pdf", PDF);
        LocalDate planned = LocalDate.now(ZoneOffset.UTC).plusDays(7);
        Release release = workgroups.startRelease(g.chairActor(), doc.id(), planned);
        workgroups.correct(erin, release.id(), "Erin Real" + id, "Erin Corp");
        workgroups.leave(finn, g.group().id());

        releaseDay.releaseDue(planned.minusDays(1));
        assertThrows(NoSuchWorkgroupItemException.class, () -> workgroups.publicRelease(release.id()), "not the day before");
        assertFalse(workgroups.dueReleases(planned.minusDays(1)).contains(release.id()));
        assertTrue(workgroups.dueReleases(planned).contains(release.id()));

        // Two nodes at the same moment: exactly one of them releases it.
        java.util.concurrent.Callable<Boolean> node = () -> workgroups.releaseOnItsDate(release.id(), planned);
        List<java.util.concurrent.Future<Boolean>> nodes = executor.invokeAll(List.of(node, node));
        int releasedBy = 0;
        for (java.util.concurrent.Future<Boolean> n : nodes) {
            releasedBy += n.get() ? 1 : 0;
        }
        assertEquals(1, releasedBy, "released by exactly one node");
        releaseDay.releaseDue(planned);
        assertFalse(workgroups.releaseOnItsDate(release.id(), planned), "nothing left to release");

        PublicRelease published = workgroups.publicRelease(release.id());
        assertEquals(List.of("Erin Real" + id + " | erin." + id + "@example.org | Erin Corp"),
                published.participants().stream().map(p -> p.name() + " | " + p.email() + " | " + p.organization()).toList());
        assertTrue(workgroups.released().stream().anyMatch(r -> r.id() == release.id()));
        List<LedgerEntryView> publicEntries = disclosures.forMember(erin, 0, 10).entries().stream()
                .filter(e -> e.kind() == RecipientKind.PUBLIC).toList();
        assertEquals(1, publicEntries.size(), "one ledger entry, not one per node or run");
        assertEquals("Released publicly with Charter 2.0", publicEntries.get(0).purpose());
        assertEquals(PolicyClause.DOCUMENT_RELEASE, publicEntries.get(0).clause());
        assertTrue(disclosures.forMember(finn, 0, 10).entries().stream().noneMatch(e -> e.kind() == RecipientKind.PUBLIC),
                "who left before the date is not listed");
        assertTrue(assertThrows(InvalidInputException.class, () -> workgroups.release(g.chairActor(), release.id()))
                .problems().containsKey("release"), "the chair finds it released");
    }

    /**
     * P-RELEASE-2: the group's private discussion area is the forum's code with the group as its
     * audience: made with the group, read and written by its participants and chairs only; an
     * outsider's crafted posts are answered "not found", and so are those of a member who left; it is
     * members-only, so it has no feed, and it is not in a member's public list of recent posts.
     */
    @Test
    void theGroupDiscussesInItsOwnForumThatOutsidersCannotReach_P_RELEASE_2() {
        TestMembers.forumRulesInEffect(policies, publisher);
        Group g = group("Talk");
        long mia = join(g, member("mia"));
        long noah = join(g, member("noah"));
        long outsider = member("snoop");
        int rules = policies.current(PolicyKind.FORUM_RULES).orElseThrow().number();
        for (long m : List.of(mia, noah, outsider, g.chair())) {
            policies.accept(m, PolicyKind.FORUM_RULES, rules, "test");
        }
        ForumCategory area = forumCategories.categoryBySlug(g.group().forumSlug()).orElseThrow();
        assertEquals(g.group().key(), area.audienceKey());
        assertEquals(g.group().name(), area.name());
        assertTrue(area.isMembersOnly());

        Topic topic = forumWriter.startTopic(mia, area.id(), "Agenda " + id, "Draft agenda for Tuesday.");
        forumWriter.reply(g.chair(), topic.id(), "Thanks, added the release date.");
        assertThrows(NoSuchForumItemException.class,
                () -> forumWriter.startTopic(outsider, area.id(), "Hello", "Let me in"), "an outsider cannot start a topic");
        assertThrows(NoSuchForumItemException.class,
                () -> forumWriter.reply(outsider, topic.id(), "Let me in"), "an outsider cannot reply");
        assertTrue(forumAudiences.mayRead(area, noah));
        assertTrue(forumAudiences.mayRead(area, g.chair()));
        assertFalse(forumAudiences.mayRead(area, outsider));
        assertFalse(forumAudiences.mayRead(area, Optional.empty()));
        assertThrows(NoSuchForumItemException.class, () -> feeds.category(area.slug()), "no feed");

        workgroups.leave(noah, g.group().id());
        assertFalse(forumAudiences.mayRead(area, noah), "not after leaving");
        assertThrows(NoSuchForumItemException.class, () -> forumWriter.reply(noah, topic.id(), "Still here?"));
    }

    /** The demo content seeds a group whose released guide lists the three demo participants (here under another name). */
    @Test
    void theDemoContentReleasesAGuideWithItsParticipants() {
        for (String username : List.of("ada", "morgan", "priya", "sam")) {
            if (directory.idOf(username).isEmpty()) {
                new TestMembers(dataSource, policies).create(username, username + " Demo", username + "@demo.colloquy.test",
                        OffsetDateTime.now(ZoneOffset.UTC).minusDays(30), true);
            }
        }
        Release release = demo.seed("Consent records " + id).orElseThrow();
        PublicRelease published = workgroups.publicRelease(release.id());
        assertEquals("1.0", published.versionLabel());
        assertEquals(List.of("morgan@demo.colloquy.test", "priya@demo.colloquy.test", "sam@demo.colloquy.test"),
                published.participants().stream().map(p -> p.email()).sorted().toList());
    }

    /** The server recognises each allowed type by its content, and refuses a name that does not match it. */
    @Test
    void documentTypesAreRecognisedByContent() throws Exception {
        assertEquals(Optional.of(DocumentType.PDF), DocumentType.detect("a.PDF", PDF));
        assertEquals(Optional.of(DocumentType.MARKDOWN), DocumentType.detect("a.md", "# Title\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.empty(), DocumentType.detect("a.pdf", "# Title\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.of(DocumentType.ODT), DocumentType.detect("a.odt", zip("mimetype", "application/vnd.oasis.opendocument.text", "content.xml", "<x/>")));
        assertEquals(Optional.of(DocumentType.DOCX), DocumentType.detect("a.docx", zip("[Content_Types].xml", "<x/>", "word/document.xml", "<x/>")));
        assertEquals(Optional.empty(), DocumentType.detect("a.docx", zip("evil.exe", "MZ", "other.xml", "<x/>")));
        assertEquals(Optional.empty(), DocumentType.detect("a.odt", zip("[Content_Types].xml", "<x/>", "word/document.xml", "<x/>")));
    }

    static byte[] zip(String name1, String text1, String name2, String text2) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry(name1));
            zip.write(text1.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new java.util.zip.ZipEntry(name2));
            zip.write(text2.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    static byte[] png() {
        java.awt.image.BufferedImage picture = new java.awt.image.BufferedImage(64, 64, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(picture, "png", png);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    private void profile(long member, String organization, Audience audience) {
        Map<ProfileField, String> values = new EnumMap<>(ProfileField.class);
        values.put(ProfileField.ORGANIZATION, organization);
        Map<ProfileField, Audience> audiences = new EnumMap<>(ProfileField.class);
        audiences.put(ProfileField.ORGANIZATION, audience);
        profiles.save(member, new ProfileDraft(ProfileLevel.FULL, values, audiences));
    }

    private void update(String sql, Object... values) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }
}
