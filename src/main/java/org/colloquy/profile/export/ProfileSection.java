package org.colloquy.profile.export;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.stream.JsonGenerator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.colloquy.privacy.export.ExportJson;
import org.colloquy.privacy.export.PersonalDataSection;
import org.colloquy.profile.MemberProfile;
import org.colloquy.profile.PhotoImages;
import org.colloquy.profile.ProfilePhoto;

/**
 * The member's profile in the export (P-ACCOUNT-3): none or one item with the level, every field
 * with its audience, and the photo as a note of its existence and sizes (the pixels themselves are
 * served at {@code /profile-photo/{username}/large}); a member without a profile row but with a
 * photo still gets one item.
 */
@ApplicationScoped
public class ProfileSection implements PersonalDataSection {

    private static final List<String> FIELDS = List.of("displayName", "jobTitle", "organization", "location", "bio", "website");

    @PersistenceContext
    private EntityManager em;

    @Override
    public String name() {
        return "profile";
    }

    @Override
    public int write(long memberId, JsonGenerator json) {
        List<Object[]> rows = em.createQuery("SELECT p.level, p.displayName, p.displayNameAudience, p.jobTitle, p.jobTitleAudience,"
                + " p.organization, p.organizationAudience, p.location, p.locationAudience, p.bioMarkdown, p.bioAudience,"
                + " p.website, p.websiteAudience, p.updatedAt, p.photoAudience FROM MemberProfile p WHERE p.memberId = :id",
                        Object[].class)
                .setParameter("id", memberId).getResultList();
        ProfilePhoto photo = em.find(ProfilePhoto.class, memberId);
        if (rows.isEmpty() && photo == null) {
            return 0;
        }
        Object[] row = rows.isEmpty() ? null : rows.get(0);
        json.writeStartObject();
        ExportJson.put(json, "level", row == null ? null : row[0]);
        json.writeStartObject("fields");
        for (int i = 0; i < FIELDS.size(); i++) {
            json.writeStartObject(FIELDS.get(i));
            ExportJson.put(json, "value", row == null ? null : row[1 + 2 * i]);
            ExportJson.put(json, "audience", row == null ? null : row[2 + 2 * i]);
            json.writeEnd();
        }
        json.writeEnd();
        ExportJson.put(json, "updatedAt", row == null ? null : row[13]);
        if (photo == null) {
            json.writeNull("photo");
        } else {
            json.writeStartObject("photo");
            ExportJson.put(json, "largeJpegBytes", photo.large().length);
            ExportJson.put(json, "smallJpegBytes", photo.small().length);
            ExportJson.put(json, "largeSidePixels", PhotoImages.LARGE);
            ExportJson.put(json, "smallSidePixels", PhotoImages.SMALL);
            ExportJson.put(json, "updatedAt", photo.updatedAt());
            ExportJson.put(json, "audience", row == null ? MemberProfile.PHOTO_DEFAULT : row[14]);
            json.writeEnd();
        }
        json.writeEnd();
        return 1;
    }
}
