package org.colloquy.profile.web;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.platform.web.FormErrors;
import org.colloquy.profile.Audience;
import org.colloquy.profile.MemberProfile;
import org.colloquy.profile.ProfileDraft;
import org.colloquy.profile.ProfileField;
import org.colloquy.profile.ProfileLevel;
import org.colloquy.profile.ProfilePage;
import org.colloquy.profile.ProfileService;
import org.colloquy.profile.Viewer;

/**
 * The member's profile page, {@code /account/profile}: one form for the level and every field with
 * its audience (a refused field shows its message beside it and nothing typed is lost), and "view
 * as": the saved profile as an anonymous visitor, a member or a fellow workgroup member sees it,
 * chosen by {@code ?as=anonymous|member|workgroup} and rendered by the profile page's own include.
 */
@Named
@RequestScoped
public class ProfileBacking {

    /** The "view as" choices, in the order the page offers them, by their parameter value. */
    private static final Map<String, Viewer> VIEW_AS = Map.of("anonymous", Viewer.ANONYMOUS, "member", Viewer.MEMBER,
            "workgroup", Viewer.FELLOW);

    @Inject
    private ProfileService profiles;

    @Inject
    private HttpServletRequest request;

    private ProfileLevel level;
    private final Map<ProfileField, String> values = new EnumMap<>(ProfileField.class);
    private final Map<ProfileField, Audience> audiences = new EnumMap<>(ProfileField.class);
    private Audience photoAudience;
    private String viewAs;
    private ProfilePage preview;

    @PostConstruct
    void load() {
        MemberProfile profile = profiles.mine();
        level = profile.level();
        for (ProfileField field : ProfileField.values()) {
            values.put(field, profile.value(field));
            audiences.put(field, profile.audience(field));
        }
        photoAudience = profile.photoAudience();
        String as = request.getParameter("as");
        viewAs = as != null && VIEW_AS.containsKey(as.toLowerCase(Locale.ROOT)) ? as.toLowerCase(Locale.ROOT) : "anonymous";
        preview = profiles.preview(VIEW_AS.get(viewAs));
    }

    public String save() {
        try {
            profiles.save(new ProfileDraft(level, values, audiences, photoAudience));
            preview = profiles.preview(VIEW_AS.get(viewAs));
            FormErrors.done("profile", Texts.get("profile.saved"));
        } catch (InvalidInputException e) {
            FormErrors.show("profile", e.problems());
        }
        return null;
    }

    public List<ProfileLevel> getLevels() {
        return List.of(ProfileLevel.values());
    }

    public List<Audience> getAudienceChoices() {
        return List.of(Audience.values());
    }

    /** The "view as" parameter values, in order. */
    public List<String> getViewAsChoices() {
        return List.of("anonymous", "member", "workgroup");
    }

    public String getViewAs() {
        return viewAs;
    }

    public ProfilePage getPreview() {
        return preview;
    }

    public ProfileLevel getLevel() {
        return level;
    }

    public void setLevel(ProfileLevel level) {
        this.level = level;
    }

    public String getDisplayName() {
        return values.get(ProfileField.DISPLAY_NAME);
    }

    public void setDisplayName(String value) {
        values.put(ProfileField.DISPLAY_NAME, value);
    }

    public String getJobTitle() {
        return values.get(ProfileField.JOB_TITLE);
    }

    public void setJobTitle(String value) {
        values.put(ProfileField.JOB_TITLE, value);
    }

    public String getOrganization() {
        return values.get(ProfileField.ORGANIZATION);
    }

    public void setOrganization(String value) {
        values.put(ProfileField.ORGANIZATION, value);
    }

    public String getLocation() {
        return values.get(ProfileField.LOCATION);
    }

    public void setLocation(String value) {
        values.put(ProfileField.LOCATION, value);
    }

    public String getBio() {
        return values.get(ProfileField.BIO);
    }

    public void setBio(String value) {
        values.put(ProfileField.BIO, value);
    }

    public String getWebsite() {
        return values.get(ProfileField.WEBSITE);
    }

    public void setWebsite(String value) {
        values.put(ProfileField.WEBSITE, value);
    }

    public Audience getDisplayNameAudience() {
        return audiences.get(ProfileField.DISPLAY_NAME);
    }

    public void setDisplayNameAudience(Audience audience) {
        audiences.put(ProfileField.DISPLAY_NAME, audience);
    }

    public Audience getJobTitleAudience() {
        return audiences.get(ProfileField.JOB_TITLE);
    }

    public void setJobTitleAudience(Audience audience) {
        audiences.put(ProfileField.JOB_TITLE, audience);
    }

    public Audience getOrganizationAudience() {
        return audiences.get(ProfileField.ORGANIZATION);
    }

    public void setOrganizationAudience(Audience audience) {
        audiences.put(ProfileField.ORGANIZATION, audience);
    }

    public Audience getLocationAudience() {
        return audiences.get(ProfileField.LOCATION);
    }

    public void setLocationAudience(Audience audience) {
        audiences.put(ProfileField.LOCATION, audience);
    }

    public Audience getBioAudience() {
        return audiences.get(ProfileField.BIO);
    }

    public void setBioAudience(Audience audience) {
        audiences.put(ProfileField.BIO, audience);
    }

    public Audience getPhotoAudience() {
        return photoAudience;
    }

    public void setPhotoAudience(Audience audience) {
        this.photoAudience = audience;
    }

    public Audience getWebsiteAudience() {
        return audiences.get(ProfileField.WEBSITE);
    }

    public void setWebsiteAudience(Audience audience) {
        audiences.put(ProfileField.WEBSITE, audience);
    }
}
