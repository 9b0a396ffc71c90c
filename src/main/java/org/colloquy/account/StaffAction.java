package org.colloquy.account;

import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One entry of the staff log: who did what to which member, when and why. Entries are only ever
 * added. The actor is empty when the system acted (the first administrator from configuration).
 */
@Entity
@Table(name = "staff_action")
@NamedQuery(name = "StaffAction.latest", query = "SELECT a FROM StaffAction a ORDER BY a.at DESC, a.id DESC")
@NamedQuery(name = "StaffAction.ofSubject",
        query = "SELECT a FROM StaffAction a WHERE a.subjectId = :subject ORDER BY a.at DESC, a.id DESC")
@NamedQuery(name = "StaffAction.ofSubjectOfKinds",
        query = "SELECT a FROM StaffAction a WHERE a.subjectId = :subject AND a.action IN :actions ORDER BY a.at DESC, a.id DESC")
public class StaffAction {

    /** What was done. */
    public enum Kind {
        GRANT_ROLE, REVOKE_ROLE, SUSPEND, REINSTATE,
        /** Moderation (issue 7): the subject is the post's author, the detail names the post or topic. */
        HIDE_POST, HIDE_POST_BY_FLAGS, APPROVE_POST, RESTORE_POST, DELETE_POST, DISMISS_FLAGS, LOCK_TOPIC, UNLOCK_TOPIC,
        PIN_TOPIC, UNPIN_TOPIC, GRANT_APPEAL, DENY_APPEAL,
        /** A moderator edited a post with a reason (the detail names the post) or moved a topic (the detail names the topic). */
        EDIT_POST, MOVE_TOPIC,
        /** Sanctions (issue 7): the subject is the member; a lifted suspension is logged as REINSTATE. */
        WARN, SILENCE, LIFT_SILENCE,
        /** Breach notices (issue 12, P-BREACH-1): the subject is the privacy officer, the detail names the breach. */
        RECORD_BREACH, SEND_BREACH_NOTICE,
        /**
         * Rights requests and under-age reports (issue 12): the subject is the account concerned, the
         * detail names the request or report. An account held for an under-age report is logged as
         * SUSPEND, a dismissed report's hold lifted as REINSTATE.
         */
        ANSWER_RIGHTS_REQUEST, CONFIRM_UNDER_AGE, DISMISS_UNDER_AGE,
        /** Removal requests (issue 12, P-REMOVE-1): the subject is the requesting author, the detail names the request and post. */
        REMOVAL_REVIEW, REMOVAL_REMOVE, REMOVAL_ANONYMISE, REMOVAL_REFUSE, REMOVAL_APPEAL_GRANT, REMOVAL_APPEAL_DENY,
        /**
         * Organization access (issue 12, P-CORP-1): the subject is the organization's administrator,
         * the detail names the organization or the domain.
         */
        REGISTER_ORGANIZATION, VERIFY_ORGANIZATION_DOMAIN, CHANGE_ORGANIZATION_ADMIN, WITHDRAW_ORGANIZATION_DOMAIN,
        /**
         * Earlier texts of posts erased (decision 0030): after a removal or redaction (actor the
         * officer, subject the author, detail the post) or an account deletion (no actor, subject the
         * deleted member). The entry says how many and why, never the text.
         */
        PURGE_REVISIONS,
        /** A deleted member's {@code @name} replaced in others' posts and revisions (no actor, subject the deleted member). */
        FORGET_MENTIONS,
        /** Moderator assignments (issue 7, decision 0040): the subject is the moderator, the detail their categories and end. */
        ASSIGN_MODERATOR
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "actor_id")
    private Long actorId;

    @Column(name = "subject_id", nullable = false)
    private Long subjectId;

    @Column(name = "action", length = 40, nullable = false)
    private String action;

    @Column(name = "detail", length = 100)
    private String detail;

    @Column(name = "reason", length = Member.REASON_LENGTH, nullable = false)
    private String reason;

    @Column(name = "at", nullable = false)
    private OffsetDateTime at;

    protected StaffAction() {
        // for JPA
    }

    StaffAction(Long actorId, Long subjectId, Kind kind, String detail, String reason, OffsetDateTime at) {
        this.actorId = actorId;
        this.subjectId = Objects.requireNonNull(subjectId);
        this.action = kind.name();
        this.detail = detail;
        this.reason = Objects.requireNonNull(reason);
        this.at = Objects.requireNonNull(at);
    }

    /** {@code null} until stored. */
    public Long id() {
        return id;
    }

    public Long actorId() {
        return actorId;
    }

    public Long subjectId() {
        return subjectId;
    }

    public Kind kind() {
        return Kind.valueOf(action);
    }

    public String detail() {
        return detail;
    }

    public String reason() {
        return reason;
    }

    public OffsetDateTime at() {
        return at;
    }

    @Override
    public String toString() {
        return "StaffAction[" + action + " " + detail + " on " + subjectId + " by " + actorId + "]";
    }
}
