package org.colloquy.profile.web;

import java.io.IOException;
import java.io.InputStream;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;

import org.colloquy.platform.i18n.Texts;
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
            byte[] bytes;
            if (file == null || file.getSize() == 0) {
                bytes = new byte[0];
            } else if (file.getSize() > PhotoImages.MAX_BYTES) {
                throw new InvalidInputException(PhotoImages.FIELD, Texts.get("profile.photo.tooBig", PhotoImages.MAX_BYTES / (1024 * 1024)));
            } else {
                try (InputStream in = file.getInputStream()) {
                    bytes = in.readNBytes(PhotoImages.MAX_BYTES + 1);
                }
            }
            profiles.savePhoto(bytes);
        } catch (InvalidInputException e) {
            FormErrors.show("photo", e.problems());
            return null;
        } catch (IOException e) {
            FormErrors.show("photo", java.util.Map.of(PhotoImages.FIELD, Texts.get("profile.photo.notAnImage")));
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
