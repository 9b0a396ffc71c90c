package org.colloquy.profile;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.colloquy.account.MemberDirectory;
import org.colloquy.platform.demo.DemoContent;

/**
 * Demo profiles, one per level, so that a newcomer sees what each shows: ada's is full (each field
 * to its own audience), morgan's limited (the bio only) and sam's private (the username only).
 * Members the accounts did not seed are left out.
 */
@ApplicationScoped
public class ProfileDemoContent implements DemoContent {

    @Inject
    private ProfileWriter writer;

    @Inject
    private MemberDirectory directory;

    @Override
    public String name() {
        return "profiles";
    }

    @Override
    public int order() {
        return 15;
    }

    /** The demo profiles by username: one of each level. */
    static final Map<String, ProfileDraft> PROFILES = Map.of(
            "ada", new ProfileDraft(ProfileLevel.FULL,
                    Map.of(ProfileField.DISPLAY_NAME, "Ada L.",
                            ProfileField.JOB_TITLE, "Community lead",
                            ProfileField.ORGANIZATION, "Colloquy demo foundation",
                            ProfileField.LOCATION, "Oslo",
                            ProfileField.BIO, "I run the portal and chair the **consent records** workgroup.\n\nAsk me about the forums.",
                            ProfileField.WEBSITE, "https://example.org/ada"),
                    Map.of(ProfileField.DISPLAY_NAME, Audience.EVERYONE,
                            ProfileField.JOB_TITLE, Audience.EVERYONE,
                            ProfileField.ORGANIZATION, Audience.MEMBERS,
                            ProfileField.LOCATION, Audience.WORKGROUPS,
                            ProfileField.BIO, Audience.EVERYONE,
                            ProfileField.WEBSITE, Audience.EVERYONE)),
            "morgan", new ProfileDraft(ProfileLevel.LIMITED,
                    Map.of(ProfileField.DISPLAY_NAME, "Morgan M.",
                            ProfileField.ORGANIZATION, "Moderation team",
                            ProfileField.BIO, "I moderate the forums. If a post of yours was hidden, you will hear from me why."),
                    Map.of(ProfileField.DISPLAY_NAME, Audience.EVERYONE, ProfileField.BIO, Audience.EVERYONE)),
            "sam", new ProfileDraft(ProfileLevel.PRIVATE,
                    Map.of(ProfileField.BIO, "Following the consent work."),
                    Map.of(ProfileField.BIO, Audience.EVERYONE)));

    @Override
    public void seed() {
        PROFILES.forEach(this::save);
    }

    private void save(String username, ProfileDraft draft) {
        directory.idOf(username).ifPresent(id -> writer.save(id, draft));
    }
}
