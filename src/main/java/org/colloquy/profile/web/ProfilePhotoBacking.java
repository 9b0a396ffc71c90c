package org.colloquy.profile.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;

import org.colloquy.platform.image.UploadedImages;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.platform.web.FormErrors;
import org.colloquy.profile.PhotoImages;
import org.colloquy.profile.ProfileService;
import org.omnifaces.util.Faces;

/**
 * The photo form on {@code /account/profile}: upload (JPEG or PNG up to 5 MB, checked by content and
 * re-encoded by the service; a refusal is shown beside the field and the old photo stays) and remove.
 */
@Named
@RequestScoped
public class ProfilePhotoBacking {

    @Inject
    private ProfileService profiles;

    private Part file;
    private Boolean hasPhoto;

    public String upload() {
        try {
            profiles.savePhoto(UploadedImages.read(file, PhotoImages.MAX_BYTES, PhotoImages.FIELD, "profile.photo"));
        } catch (InvalidInputException e) {
            FormErrors.show("photo", e.problems());
            return null;
        }
        Faces.redirect(Faces.getRequestContextPath() + "/account/profile?photo=saved");
        return null;
    }

    public String remove() {
        profiles.removePhoto();
        Faces.redirect(Faces.getRequestContextPath() + "/account/profile?photo=removed");
        return null;
    }

    public boolean isHasPhoto() {
        if (hasPhoto == null) {
            hasPhoto = profiles.hasPhoto();
        }
        return hasPhoto;
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }
}
