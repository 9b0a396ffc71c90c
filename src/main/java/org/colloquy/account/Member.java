package org.colloquy.account;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A member account: exactly what registration asks for (name, username, email, password) and the
 * state of the account (verified, suspended, second factor, roles). Username and email are unique
 * without regard to case through their {@code *_key} columns. Everything else a member may tell
 * about themselves belongs to their profile, not here (promise P-PROFILE-2).
 */
@Entity
@Table(name = "member")
@NamedQuery(name = "Member.findByUsernameKey", query = "SELECT m FROM Member m WHERE m.usernameKey = :key AND m.deletedAt IS NULL")
@NamedQuery(name = "Member.findByEmailKey", query = "SELECT m FROM Member m WHERE m.emailKey = :key AND m.deletedAt IS NULL")
@NamedQuery(name = "Member.usernamesOf", query = "SELECT m.id, m.username, m.deactivatedAt FROM Member m WHERE m.id IN :ids"
        + " AND m.deletedAt IS NULL")
@NamedQuery(name = "Member.search", query = "SELECT m FROM Member m WHERE m.deletedAt IS NULL AND (m.usernameKey LIKE :term"
        + " OR m.emailKey LIKE :term OR LOWER(m.name) LIKE :term) ORDER BY m.usernameKey")
@NamedQuery(name = "Member.recordsDue", query = "SELECT m FROM Member m WHERE m.deletedAt <= :cutoff AND m.recordsPurgedAt IS NULL")
@NamedQuery(name = "Member.verifiedAddresses", query = "SELECT m.id, m.email, m.name FROM Member m"
        + " WHERE m.emailVerifiedAt IS NOT NULL AND m.id > :after ORDER BY m.id")
@NamedQuery(name = "Member.verifiedAtDomain", query = "SELECT m.id, m.email, m.name FROM Member m"
        + " WHERE m.emailDomain = :domain AND m.emailVerifiedAt IS NOT NULL ORDER BY m.id")
public class Member {

    public static final int NAME_LENGTH = 100;
    public static final int EMAIL_LENGTH = 254;
    public static final int REASON_LENGTH = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "name", length = NAME_LENGTH, nullable = false)
    private String name;

    @Column(name = "username", length = Usernames.MAX, nullable = false)
    private String username;

    @Column(name = "username_key", length = Usernames.MAX, nullable = false)
    private String usernameKey;

    @Column(name = "email", length = EMAIL_LENGTH, nullable = false)
    private String email;

    @Column(name = "email_key", length = EMAIL_LENGTH, nullable = false)
    private String emailKey;

    /** The address's domain in lower case, computed by the database (V27), for lookups by domain. */
    @Column(name = "email_domain", length = 253, insertable = false, updatable = false)
    private String emailDomain;

    @Column(name = "password_hash", length = 200, nullable = false)
    private String passwordHash;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "age_confirmed_at", nullable = false)
    private OffsetDateTime ageConfirmedAt;

    @Column(name = "email_verified_at")
    private OffsetDateTime emailVerifiedAt;

    @Column(name = "suspended_at")
    private OffsetDateTime suspendedAt;

    @Column(name = "suspension_reason", length = REASON_LENGTH)
    private String suspensionReason;

    /** When a suspension ends by itself; {@code null} for one that lasts until an administrator reinstates. */
    @Column(name = "suspended_until")
    private OffsetDateTime suspendedUntil;

    @Column(name = "silenced_until")
    private OffsetDateTime silencedUntil;

    @Column(name = "silence_reason", length = REASON_LENGTH)
    private String silenceReason;

    @Column(name = "deactivated_at")
    private OffsetDateTime deactivatedAt;

    /** Set when the member deleted the account: the row is an anonymous tombstone from then on (P-ACCOUNT-2). */
    @Column(name = "deleted_at")
    private OffsetDateTime deletedAt;

    @Column(name = "last_mail_id")
    private Long lastMailId;

    @Column(name = "records_purged_at")
    private OffsetDateTime recordsPurgedAt;

    @Column(name = "totp_secret", length = 64)
    private String totpSecret;

    @Column(name = "totp_enabled_at")
    private OffsetDateTime totpEnabledAt;

    @Column(name = "totp_last_step", nullable = false)
    private long totpLastStep;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "member_role", joinColumns = @JoinColumn(name = "member_id"))
    @Column(name = "role", length = 30, nullable = false)
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.of(Role.MEMBER);

    protected Member() {
        // for JPA
    }

    Member(String name, String username, String email, String passwordHash, OffsetDateTime now) {
        rename(name);
        changeUsername(username);
        changeEmail(email);
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.createdAt = Objects.requireNonNull(now);
        this.ageConfirmedAt = now;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String username() {
        return username;
    }

    public String email() {
        return email;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public boolean isEmailVerified() {
        return emailVerifiedAt != null;
    }

    /** Suspended now: a suspension with an end date is over by itself once that date has passed. */
    public boolean isSuspended() {
        return suspendedAt != null && (suspendedUntil == null || suspendedUntil.isAfter(OffsetDateTime.now()));
    }

    /** When the suspension ends by itself, or {@code null} (none, or until reinstated). */
    public OffsetDateTime suspendedUntil() {
        return isSuspended() ? suspendedUntil : null;
    }

    /** Silenced now by a moderator: may sign in and read, may not post until {@link #silencedUntil()}. */
    public boolean isSilenced() {
        return silencedUntil != null && silencedUntil.isAfter(OffsetDateTime.now());
    }

    public OffsetDateTime silencedUntil() {
        return isSilenced() ? silencedUntil : null;
    }

    public String silenceReason() {
        return isSilenced() ? silenceReason : null;
    }

    public String suspensionReason() {
        return suspensionReason;
    }

    /** The end of the member's last silence, also once it has passed; {@code null} when none or lifted. */
    OffsetDateTime silenceEnd() {
        return silencedUntil;
    }

    /** The end of the member's last dated suspension, also once it has passed; {@code null} when none, open-ended or lifted. */
    OffsetDateTime suspensionEnd() {
        return suspendedAt == null ? null : suspendedUntil;
    }

    /** Deactivated by the member (P-ACCOUNT-2): no profile, no mail, no posting, until they sign in and reactivate. */
    public boolean isDeactivated() {
        return deactivatedAt != null;
    }

    public OffsetDateTime deactivatedAt() {
        return deactivatedAt;
    }

    Long lastMailId() {
        return lastMailId;
    }

    /** The records a deletion keeps for a time are erased: nothing of the member is left but this row. */
    void recordsPurged(OffsetDateTime at) {
        this.lastMailId = null;
        this.recordsPurgedAt = Objects.requireNonNull(at);
    }

    /** Deleted by the member (P-ACCOUNT-2): nothing of them is left here but the id and dates. */
    public boolean isDeleted() {
        return deletedAt != null;
    }

    /**
     * Turns the row into a tombstone: name, username, email, password, second factor and roles are
     * replaced by values that name nobody and cannot sign in (the placeholders hold a {@code #}, which
     * no username or email address registered here can). The row stays so that consent records,
     * ledger entries and the staff log keep pointing at an id.
     */
    void anonymise(OffsetDateTime at, Long lastMail) {
        this.lastMailId = lastMail;
        String tombstone = "#deleted-" + id;
        this.name = "";
        this.username = tombstone;
        this.usernameKey = tombstone;
        this.email = tombstone;
        this.emailKey = tombstone;
        this.passwordHash = "!";
        this.emailVerifiedAt = null;
        this.suspensionReason = null;
        this.silenceReason = null;
        this.totpSecret = null;
        this.totpEnabledAt = null;
        this.roles.clear();
        if (deactivatedAt == null) {
            deactivatedAt = at;
        }
        this.deletedAt = Objects.requireNonNull(at);
    }

    /** A member may read once registered, but may post only with a verified email, while not suspended nor deactivated. */
    public boolean mayPost() {
        return isEmailVerified() && !isSuspended() && !isDeactivated();
    }

    public boolean hasTotp() {
        return totpEnabledAt != null;
    }

    public Set<Role> roles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public boolean hasStaffRole() {
        return roles.stream().anyMatch(Role::isStaff);
    }

    /**
     * Checks a password, and replaces a hash made with weaker parameters than today's while the
     * password is at hand (so stored hashes are upgraded at sign-in).
     */
    public boolean checkPassword(char[] password, PasswordHasher hasher) {
        if (!hasher.verify(password, passwordHash)) {
            return false;
        }
        if (hasher.needsRehash(passwordHash)) {
            passwordHash = hasher.hash(password);
        }
        return true;
    }

    String totpSecret() {
        return totpSecret;
    }

    long totpLastStep() {
        return totpLastStep;
    }

    void rename(String newName) {
        this.name = Objects.requireNonNull(newName).strip();
    }

    void changeUsername(String newUsername) {
        this.username = Objects.requireNonNull(newUsername);
        this.usernameKey = Usernames.key(newUsername);
    }

    void changeEmail(String newEmail) {
        this.email = Objects.requireNonNull(newEmail).strip();
        this.emailKey = Emails.key(newEmail);
    }

    void changePasswordHash(String hash) {
        this.passwordHash = Objects.requireNonNull(hash);
    }

    void markEmailVerified(OffsetDateTime at) {
        if (emailVerifiedAt == null) {
            emailVerifiedAt = at;
        }
    }

    void suspend(String reason, OffsetDateTime at) {
        suspend(reason, at, null);
    }

    /** @param until when it ends by itself, or {@code null} for until reinstated */
    void suspend(String reason, OffsetDateTime at, OffsetDateTime until) {
        this.suspendedAt = Objects.requireNonNull(at);
        this.suspensionReason = Objects.requireNonNull(reason);
        this.suspendedUntil = until;
    }

    void silence(String reason, OffsetDateTime until) {
        this.silenceReason = Objects.requireNonNull(reason);
        this.silencedUntil = Objects.requireNonNull(until);
    }

    void unsilence() {
        this.silenceReason = null;
        this.silencedUntil = null;
    }

    void deactivate(OffsetDateTime at) {
        if (deactivatedAt == null) {
            deactivatedAt = Objects.requireNonNull(at);
        }
    }

    void reactivate() {
        deactivatedAt = null;
    }

    void reinstate() {
        this.suspendedAt = null;
        this.suspensionReason = null;
        this.suspendedUntil = null;
    }

    boolean grant(Role role) {
        return roles.add(role);
    }

    boolean revoke(Role role) {
        if (role == Role.MEMBER) {
            throw new IllegalArgumentException("Every member keeps the MEMBER role");
        }
        return roles.remove(role);
    }

    void enableTotp(String secret, long step, OffsetDateTime at) {
        this.totpSecret = Objects.requireNonNull(secret);
        this.totpLastStep = step;
        this.totpEnabledAt = Objects.requireNonNull(at);
    }

    void disableTotp() {
        this.totpSecret = null;
        this.totpEnabledAt = null;
        this.totpLastStep = 0;
    }

    void useTotpStep(long step) {
        this.totpLastStep = step;
    }

    @Override
    public String toString() {
        return "Member[" + id + " " + username + "]";
    }
}
