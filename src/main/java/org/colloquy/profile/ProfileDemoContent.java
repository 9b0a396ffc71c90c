package org.colloquy.profile;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import javax.imageio.ImageIO;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.colloquy.account.MemberDirectory;
import org.colloquy.platform.demo.DemoContent;

/**
 * Demo profiles, one per level, so that a newcomer sees what each shows: ada's is full (each field
 * to its own audience), morgan's limited (the bio only) and sam's private (the username only). Each
 * has a photo, a drawn silhouette on a colour of its own: ada's shows to everyone, morgan's to
 * signed-in members, sam's to nobody but sam (the profile is private). Members the accounts did not
 * seed are left out.
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
                    Map.of(ProfileField.DISPLAY_NAME, Audience.EVERYONE, ProfileField.BIO, Audience.EVERYONE),
                    Audience.MEMBERS),
            "sam", new ProfileDraft(ProfileLevel.PRIVATE,
                    Map.of(ProfileField.BIO, "Following the consent work."),
                    Map.of(ProfileField.BIO, Audience.EVERYONE)));

    /** The background of each demo photo. */
    static final Map<String, Color> PHOTO_COLOURS = Map.of(
            "ada", new Color(0x2E, 0x6B, 0x8F), "morgan", new Color(0x7A, 0x4E, 0x8C), "sam", new Color(0x3F, 0x7D, 0x4A));

    @Override
    public void seed() {
        PROFILES.forEach(this::save);
    }

    private void save(String username, ProfileDraft draft) {
        directory.idOf(username).ifPresent(id -> {
            writer.save(id, draft);
            writer.savePhoto(id, silhouette(PHOTO_COLOURS.get(username)));
        });
    }

    /** A PNG of a head and shoulders in light grey on the colour: drawn, not taken from a person. */
    static byte[] silhouette(Color background) {
        int side = 320;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(background);
            g.fillRect(0, 0, side, side);
            g.setColor(new Color(0xEE, 0xEE, 0xEE));
            g.fillOval(110, 60, 100, 110);
            g.fillRoundRect(60, 190, 200, 160, 120, 120);
        } finally {
            g.dispose();
        }
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
