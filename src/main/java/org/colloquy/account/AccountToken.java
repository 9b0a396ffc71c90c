package org.colloquy.account;

import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A single-use link sent by mail. Only the SHA-256 of the token is stored, so a copy of the
 * database cannot be used to reset passwords; a token is usable once, before it expires.
 */
@Entity
@Table(name = "account_token")
@NamedQuery(name = "AccountToken.findByHash", query = "SELECT t FROM AccountToken t WHERE t.tokenHash = :hash")
@NamedQuery(name = "AccountToken.retireOpen", query = "UPDATE AccountToken t SET t.usedAt = :now"
        + " WHERE t.memberId = :member AND t.purpose = :purpose AND t.usedAt IS NULL")
public class AccountToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "member_id", nullable = false)
    private Long memberId;

    @Enumerated(EnumType.STRING)
    @Column(name = "purpose", length = 20, nullable = false)
    private TokenPurpose purpose;

    @Column(name = "token_hash", length = 64, nullable = false)
    private String tokenHash;

    @Column(name = "new_email", length = Member.EMAIL_LENGTH)
    private String newEmail;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "used_at")
    private OffsetDateTime usedAt;

    protected AccountToken() {
        // for JPA
    }

    AccountToken(Long memberId, TokenPurpose purpose, String tokenHash, String newEmail, OffsetDateTime now) {
        this.memberId = Objects.requireNonNull(memberId);
        this.purpose = Objects.requireNonNull(purpose);
        this.tokenHash = Objects.requireNonNull(tokenHash);
        this.newEmail = newEmail;
        this.createdAt = Objects.requireNonNull(now);
        this.expiresAt = now.plus(purpose.lifetime());
    }

    public Long memberId() {
        return memberId;
    }

    public TokenPurpose purpose() {
        return purpose;
    }

    public String newEmail() {
        return newEmail;
    }

    boolean isUsable(OffsetDateTime now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    void use(OffsetDateTime now) {
        this.usedAt = Objects.requireNonNull(now);
    }

    @Override
    public String toString() {
        return "AccountToken[" + purpose + " for member " + memberId + "]";
    }
}
