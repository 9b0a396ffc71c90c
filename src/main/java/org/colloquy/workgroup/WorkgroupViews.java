package org.colloquy.workgroup;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What the workgroup pages show, as plain values. */
public final class WorkgroupViews {

    private WorkgroupViews() {
    }

    /**
     * A fellow participant as the collaboration view shows them (P-RELEASE-2); {@code photo}: they
     * have a photo their profile shows to fellow members.
     */
    public record Collaborator(long memberId, String username, String name, String email, String organization,
                               boolean photo, OffsetDateTime joinedAt, boolean chair) {
    }

    /** A participation as its member and the chairs see it. */
    public record ParticipationLine(long id, long workgroupId, String workgroupName, long memberId, String username,
                                    OffsetDateTime joinedAt, OffsetDateTime endedAt, Participation.End endKind,
                                    String endReason) {
        public boolean isActive() {
            return endedAt == null;
        }
    }

    /** An open application or invitation. */
    public record RequestLine(long id, long workgroupId, String workgroupName, long memberId, String username,
                              JoinRequest.Kind kind, OffsetDateTime createdAt) {
    }

    /** A document version. */
    public record DocumentLine(long id, String title, String versionLabel, String fileName, String mediaType,
                               long byteSize, OffsetDateTime uploadedAt) {
    }

    /** A release as the group's pages show it. */
    public record ReleaseLine(long id, long documentId, String title, String versionLabel, LocalDate plannedFor,
                              Release.Status status, OffsetDateTime releasedAt, boolean due) {
    }

    /** A participant's answer to a release notice, as the chair sees it. */
    public record NoticeLine(long releaseId, long memberId, String username, String name, String email, String organization,
                             ReleaseNotice.Response response, String objection, boolean stillActive) {
    }

    /** A notice as its participant sees it in their portal page. */
    public record MyNotice(long releaseId, String workgroupName, String title, String versionLabel, LocalDate plannedFor,
                           String name, String email, String organization, ReleaseNotice.Response response,
                           String objection, boolean open) {
    }

    /** The workgroup's page for one caller. */
    public record GroupPage(Workgroup group, boolean signedIn, boolean admin, boolean chair, boolean participant,
                            boolean applied, Long invitationId, List<String> chairs,
                            List<Collaborator> collaborators, List<RequestLine> requests,
                            List<ParticipationLine> participations, List<DocumentLine> documents,
                            List<ReleaseLine> releases) {
        public boolean isInsider() {
            return chair || participant || admin;
        }

        public String getChairList() {
            return String.join(", ", chairs);
        }
    }

    /** A released document as everyone sees it. */
    public record PublicRelease(long id, String workgroupName, String title, String versionLabel, String fileName,
                                String mediaType, long byteSize, OffsetDateTime releasedAt, boolean withdrawn,
                                OffsetDateTime withdrawnAt, String withdrawReason, List<ReleaseParticipant> participants) {
    }

    /** A file to serve. */
    public record FileContent(String fileName, String mediaType, byte[] bytes) {
    }
}
