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

/** One single-use recovery code for a member's second factor, stored as a hash. */
@Entity
@Table(name = "recovery_code")
@NamedQuery(name = "RecoveryCode.findUnused",
        query = "SELECT c FROM RecoveryCode c WHERE c.memberId = :member AND c.codeHash = :hash AND c.usedAt IS NULL")
@NamedQuery(name = "RecoveryCode.countUnused",
        query = "SELECT COUNT(c) FROM RecoveryCode c WHERE c.memberId = :member AND c.usedAt IS NULL")
@NamedQuery(name = "RecoveryCode.deleteAll", query = "DELETE FROM RecoveryCode c WHERE c.memberId = :member")
public class RecoveryCode {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "member_id", nullable = false)
    private Long memberId;

    @Column(name = "code_hash", length = 64, nullable = false)
    private String codeHash;

    @Column(name = "used_at")
    private OffsetDateTime usedAt;

    protected RecoveryCode() {
        // for JPA
    }

    RecoveryCode(Long memberId, String codeHash) {
        this.memberId = Objects.requireNonNull(memberId);
        this.codeHash = Objects.requireNonNull(codeHash);
    }

    void use(OffsetDateTime at) {
        this.usedAt = Objects.requireNonNull(at);
    }

    @Override
    public String toString() {
        return "RecoveryCode[member " + memberId + (usedAt == null ? "" : ", used") + "]";
    }
}
