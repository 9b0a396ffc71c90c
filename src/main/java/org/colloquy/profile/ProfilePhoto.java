package org.colloquy.profile;

import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A member's profile photo in the sizes pages use, re-encoded from an upload by {@link PhotoImages};
 * served only through {@code ProfilePhotoServlet}, which asks {@link ProfileVisibility} first.
 */
@Entity
@Table(name = "profile_photo")
public class ProfilePhoto {

    @Id
    @Column(name = "member_id")
    private Long memberId;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "large_jpeg", nullable = false)
    private byte[] large;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "small_jpeg", nullable = false)
    private byte[] small;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected ProfilePhoto() {
        // for JPA
    }

    ProfilePhoto(long memberId) {
        this.memberId = memberId;
    }

    void replace(PhotoImages.Sizes sizes, OffsetDateTime now) {
        this.large = Objects.requireNonNull(sizes.large());
        this.small = Objects.requireNonNull(sizes.small());
        this.updatedAt = Objects.requireNonNull(now);
    }

    public long memberId() {
        return memberId;
    }

    public byte[] large() {
        return large.clone();
    }

    public byte[] small() {
        return small.clone();
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    @Override
    public String toString() {
        return "ProfilePhoto[" + memberId + " " + updatedAt + "]";
    }
}
