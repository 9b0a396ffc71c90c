package org.colloquy.sponsor;

import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A sponsor's logo ({@code sponsor_logo}): a PNG drawn anew from the pixels of the event manager's
 * upload, never the upload itself, at most {@link SponsorService#LOGO_WIDTH} × {@link SponsorService#LOGO_HEIGHT}.
 */
@Entity
@Table(name = "sponsor_logo")
public class SponsorLogo {

    @Id
    @Column(name = "sponsor_id")
    private Long sponsorId;

    @Column(name = "png", nullable = false)
    private byte[] png;

    @Column(name = "width", nullable = false)
    private int width;

    @Column(name = "height", nullable = false)
    private int height;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected SponsorLogo() {
    }

    SponsorLogo(long sponsorId) {
        this.sponsorId = sponsorId;
    }

    void replace(byte[] png, int width, int height, OffsetDateTime now) {
        this.png = Objects.requireNonNull(png).clone();
        this.width = width;
        this.height = height;
        this.updatedAt = Objects.requireNonNull(now);
    }

    public long sponsorId() {
        return sponsorId;
    }

    public byte[] png() {
        return png.clone();
    }

    @Override
    public String toString() {
        return "SponsorLogo[" + sponsorId + ", " + width + "x" + height + "]";
    }
}
