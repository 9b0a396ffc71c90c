package org.colloquy.profile;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.text.Markdown;
import org.colloquy.platform.validation.InvalidInputException;

/**
 * Saves a member's profile for a member named by id: {@link ProfileService} passes the signed-in
 * caller's id, demo content and tests their own. Checks every field before writing anything: the
 * length limits, and a website that is an http or https address with a host (no other scheme, no
 * user name in it). The bio is made safe once, here, by the same Markdown as forum posts.
 */
@Stateless
@PermitAll
public class ProfileWriter {

    @Inject
    private ProfileRepository profiles;

    @Inject
    private Markdown markdown;

    /**
     * @throws InvalidInputException with a message per refused field (by {@link ProfileField#id()}); nothing is saved
     */
    public MemberProfile save(long memberId, ProfileDraft draft) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (ProfileField field : ProfileField.values()) {
            String value = draft.value(field);
            if (value != null && value.length() > field.maxLength()) {
                problems.put(field.id(), Texts.get("profile.tooLong", field.maxLength(), value.length()));
            }
        }
        String website = draft.value(ProfileField.WEBSITE);
        if (website != null && !problems.containsKey(ProfileField.WEBSITE.id()) && !isWebAddress(website)) {
            problems.put(ProfileField.WEBSITE.id(), Texts.get("profile.website.invalid"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String bio = draft.value(ProfileField.BIO);
        MemberProfile profile = profiles.find(memberId).orElseGet(() -> {
            MemberProfile created = new MemberProfile(memberId);
            profiles.add(created);
            return created;
        });
        profile.apply(draft, bio == null ? null : markdown.toHtml(bio, 3), OffsetDateTime.now(ZoneOffset.UTC));
        return profile;
    }

    /**
     * Replaces the member's photo with the sizes drawn from this upload ({@link PhotoImages}); a
     * refused upload changes nothing.
     *
     * @throws InvalidInputException on the field {@value PhotoImages#FIELD}: not a JPEG, PNG or WebP, too big, empty
     */
    public ProfilePhoto savePhoto(long memberId, byte[] upload) {
        PhotoImages.Sizes sizes = PhotoImages.process(upload);
        ProfilePhoto photo = profiles.findPhoto(memberId).orElseGet(() -> {
            ProfilePhoto created = new ProfilePhoto(memberId);
            return created;
        });
        boolean isNew = photo.updatedAt() == null;
        photo.replace(sizes, OffsetDateTime.now(ZoneOffset.UTC));
        if (isNew) {
            profiles.addPhoto(photo);
        }
        return photo;
    }

    public void removePhoto(long memberId) {
        profiles.removePhoto(memberId);
    }

    /** Erases the profile and the photo of a member deleting their account (P-ACCOUNT-2). */
    public void erase(long memberId) {
        profiles.removeAll(memberId);
    }

    /** An absolute http or https address with a host, without a user name or spaces. */
    static boolean isWebAddress(String text) {
        if (text.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return false;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isBlank()
                    && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
