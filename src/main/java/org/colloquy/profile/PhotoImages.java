package org.colloquy.profile;

import java.awt.image.BufferedImage;

import org.colloquy.platform.image.UploadedImages;

/**
 * Turns an uploaded file into the profile photo's sizes: decoded by {@link UploadedImages} (type
 * from the bytes: JPEG, PNG or WebP) and drawn anew into square JPEGs, so nothing of the original
 * file but its pixels survives. Refusals are {@link org.colloquy.platform.validation.InvalidInputException}s
 * on the field {@value #FIELD}.
 */
public final class PhotoImages {

    public static final String FIELD = "file";

    /** The largest upload accepted (P-PROFILE-1 issue text: 5 MB). */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    /** Side of the large photo (profile page) and of the small one (lists), in pixels. */
    public static final int LARGE = 256;
    public static final int SMALL = 64;

    /** Both sizes of one photo, JPEG encoded. */
    public record Sizes(byte[] large, byte[] small) {
    }

    private PhotoImages() {
    }

    public static Sizes process(byte[] upload) {
        BufferedImage image = UploadedImages.decode(upload, MAX_BYTES, FIELD, "profile.photo");
        return new Sizes(UploadedImages.jpeg(UploadedImages.square(image, LARGE)), UploadedImages.jpeg(UploadedImages.square(image, SMALL)));
    }
}
