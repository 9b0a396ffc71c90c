package org.colloquy.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;

import org.colloquy.account.MemberDirectory;
import org.colloquy.forum.CategoryDraft;
import org.colloquy.forum.ForumService;
import org.colloquy.forum.ForumTestSupport;
import org.colloquy.forum.ForumViews;
import org.colloquy.forum.ForumWriter;
import org.colloquy.forum.Visibility;
import org.colloquy.platform.persistence.DatabaseMigrator;
import org.colloquy.platform.security.NotSignedInException;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.policy.PolicyKind;
import org.colloquy.policy.PolicyService;
import org.colloquy.test.Deployments;
import org.colloquy.test.TestMembers;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Profiles inside the container on the real database: what the one check lets each viewer see of a
 * saved profile (P-PROFILE-1), the workgroup audience through the interface the workgroup context
 * will implement (a test implementation here), the messages for refused fields with nothing saved,
 * the bio made safe as forum posts are, and the recent posts an anonymous visitor may read. The
 * caller here is anonymous, as a visitor of {@code /u/{username}} who is not signed in.
 */
@ExtendWith(ArquillianExtension.class)
class ProfileServicesIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.portal().addClasses(TestFellowship.class, ForumTestSupport.class, TestMembers.class);
    }

    @Resource(lookup = DatabaseMigrator.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    ProfileService profiles;

    @Inject
    ProfileWriter writer;

    @Inject
    ProfileVisibility visibility;

    @Inject
    TestFellowship fellowship;

    @Inject
    MemberDirectory directory;

    @Inject
    ForumService forum;

    @Inject
    ForumWriter forumWriter;

    @Inject
    ForumTestSupport forumSupport;

    @Inject
    PolicyService policies;

    /** P-PROFILE-1: an anonymous visitor sees each level as the one check says, and the page shows nothing else. */
    @Test
    void anAnonymousVisitorSeesWhatTheLevelAndEachFieldsAudienceAllow_P_PROFILE_1() {
        long member = member("vis");
        MemberDirectory.PublicMember who = directory.publicMember(member).orElseThrow();
        Map<ProfileField, Audience> audiences = new EnumMap<>(ProfileField.class);
        audiences.put(ProfileField.DISPLAY_NAME, Audience.EVERYONE);
        audiences.put(ProfileField.JOB_TITLE, Audience.MEMBERS);
        audiences.put(ProfileField.ORGANIZATION, Audience.WORKGROUPS);
        audiences.put(ProfileField.LOCATION, Audience.ONLY_ME);
        audiences.put(ProfileField.BIO, Audience.EVERYONE);
        audiences.put(ProfileField.WEBSITE, Audience.EVERYONE);

        writer.save(member, new ProfileDraft(ProfileLevel.FULL, values(), audiences));
        ProfileView full = profiles.page(who).view();
        assertEquals(Viewer.ANONYMOUS, profiles.page(who).viewer());
        assertEquals("Grace H.", full.displayName());
        assertNull(full.jobTitle(), "members only");
        assertNull(full.organization(), "workgroups only");
        assertNull(full.location(), "only the member");
        assertEquals("https://example.org/grace", full.website());
        assertTrue(full.bioHtml().contains("<strong>compilers</strong>"), full.bioHtml());
        assertEquals(who.memberSince().toInstant(), full.memberSince().toInstant());

        writer.save(member, new ProfileDraft(ProfileLevel.LIMITED, values(), audiences));
        ProfileView limited = profiles.page(who).view();
        assertNull(limited.displayName(), "a limited profile shows the bio only");
        assertNull(limited.website());
        assertTrue(limited.bioHtml().contains("compilers"));

        writer.save(member, new ProfileDraft(ProfileLevel.PRIVATE, values(), audiences));
        ProfilePage privatePage = profiles.page(who);
        assertTrue(privatePage.view().isPrivate());
        assertFalse(privatePage.view().hasFields());
        assertNull(privatePage.view().memberSince(), "a private profile shows the username only");
        assertEquals(List.of(), privatePage.recentPosts());
    }

    /**
     * "My workgroups": the member and those the workgroup context says share a workgroup with them
     * (here a test implementation of {@link WorkgroupFellowship}); everyone else signed in is a member.
     */
    @Test
    void theRelationOfAViewerIsAskedOfTheWorkgroupContext() {
        long member = member("owner");
        long fellow = member("fellow");
        long stranger = member("stranger");
        fellowship.declare(member, fellow);
        assertEquals(Viewer.ANONYMOUS, visibility.relation(Optional.empty(), member));
        assertEquals(Viewer.OWNER, visibility.relation(Optional.of(member), member));
        assertEquals(Viewer.FELLOW, visibility.relation(Optional.of(fellow), member));
        assertEquals(Viewer.MEMBER, visibility.relation(Optional.of(stranger), member));

        Map<ProfileField, Audience> audiences = new EnumMap<>(ProfileField.class);
        audiences.put(ProfileField.ORGANIZATION, Audience.WORKGROUPS);
        MemberProfile saved = writer.save(member, new ProfileDraft(ProfileLevel.FULL, values(), audiences));
        assertEquals("Analytical Engines Ltd",
                ProfileVisibility.view("x", null, saved, visibility.relation(Optional.of(fellow), member)).organization());
        assertNull(ProfileVisibility.view("x", null, saved, visibility.relation(Optional.of(stranger), member)).organization());
    }

    /** Bad input: a message per field, in the site's words; nothing of the draft is saved. */
    @Test
    void refusedFieldsEachGetAMessageAndNothingIsSaved() {
        long member = member("bad");
        writer.save(member, new ProfileDraft(ProfileLevel.FULL, Map.of(ProfileField.JOB_TITLE, "Engineer"), Map.of()));
        Map<ProfileField, String> bad = new EnumMap<>(ProfileField.class);
        bad.put(ProfileField.DISPLAY_NAME, "x".repeat(101));
        bad.put(ProfileField.JOB_TITLE, "Changed title");
        bad.put(ProfileField.BIO, "y".repeat(2001));
        bad.put(ProfileField.WEBSITE, "javascript:alert(1)");
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> writer.save(member, new ProfileDraft(ProfileLevel.PRIVATE, bad, Map.of())));
        assertEquals("At most 100 characters, please (this has 101).", refused.problems().get("displayName"));
        assertEquals("At most 2000 characters, please (this has 2001).", refused.problems().get("bio"));
        assertEquals("Enter a full web address starting with https:// or http://, for example https://example.org.",
                refused.problems().get("website"));
        assertEquals(List.of("displayName", "bio", "website"), List.copyOf(refused.problems().keySet()));

        assertEquals("Engineer", text("select job_title from member_profile where member_id = ?", member));
        assertEquals("FULL", text("select profile_level from member_profile where member_id = ?", member));

        for (String website : List.of("example.org", "ftp://example.org/file", "https://user:pw@example.org", "https:// spaced.org")) {
            Map<ProfileField, String> values = Map.of(ProfileField.WEBSITE, website);
            assertThrows(InvalidInputException.class, () -> writer.save(member, new ProfileDraft(ProfileLevel.FULL, values, Map.of())), website);
        }
        assertThrows(NotSignedInException.class, () -> profiles.save(new ProfileDraft(ProfileLevel.FULL, Map.of(), Map.of())),
                "an anonymous caller has no profile to save");
    }

    /** The bio is Markdown made safe as forum posts are: raw HTML shown as text, unsafe links dropped, external ones marked. */
    @Test
    void theBioIsMarkdownMadeSafeAsForumPostsAre() {
        long member = member("bio");
        MemberProfile saved = writer.save(member, new ProfileDraft(ProfileLevel.LIMITED, Map.of(ProfileField.BIO,
                "# Hello\n\n<script>alert('x')</script> <img src=x onerror=alert(1)>\n\n[home](https://example.org) [bad](javascript:alert(1))"),
                Map.of(ProfileField.BIO, Audience.EVERYONE)));
        String html = saved.bioHtml();
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("javascript:"), html);
        assertTrue(html.contains("&lt;script&gt;"), "raw HTML shown as text: " + html);
        assertTrue(html.contains("<a href=\"https://example.org\" rel=\"nofollow ugc noopener\">home</a>"), html);
        assertTrue(html.contains("<h3>Hello</h3>"), "a heading sits under the page's own: " + html);
        assertEquals(html, profiles.page(directory.publicMember(member).orElseThrow()).view().bioHtml());
    }

    /**
     * The page lists the member's five newest posts an anonymous visitor may read: nothing from a
     * members-only forum, no deleted post, each linked to its place in its topic; an anonymous caller
     * asking "as signed in" gets no more.
     */
    @Test
    void recentPostsAreTheNewestFiveAnAnonymousVisitorMayRead() {
        long member = member("poster");
        String username = directory.publicMember(member).orElseThrow().username();
        String id = id();
        forumSupport.thread("profile-" + id, "Public thread " + id, username, 7);
        forumWriter.createCategory(new CategoryDraft("Lounge " + id, "lounge-" + id, "Members only", null, Visibility.MEMBERS, 99));
        forumSupport.thread("lounge-" + id, "Lounge thread " + id, username, 1);

        List<ForumViews.RecentPost> posts = profiles.page(directory.publicMember(member).orElseThrow()).recentPosts();
        assertEquals(5, posts.size());
        assertTrue(posts.stream().allMatch(p -> p.topicTitle().equals("Public thread " + id)), posts.toString());
        assertEquals(List.of(7, 6, 5, 4, 3), posts.stream().map(ForumViews.RecentPost::number).toList());
        assertTrue(posts.get(0).path().matches("/t/\\d+/public-thread-" + id + "#post-7"), posts.get(0).path());
        assertEquals(posts, forum.recentPostsBy(member, 5, true), "an anonymous caller cannot widen what it reads");

        forumWriter.delete(member, posts.get(0).postId());
        assertEquals(List.of(6, 5, 4, 3, 2), profiles.page(directory.publicMember(member).orElseThrow()).recentPosts().stream()
                .map(ForumViews.RecentPost::number).toList(), "a deleted post is not listed");
    }

    /** A profile goes with its account (ON DELETE CASCADE). */
    @Test
    void aProfileGoesWithItsAccount() {
        long member = member("gone");
        writer.save(member, new ProfileDraft(ProfileLevel.FULL, values(), Map.of()));
        assertEquals("FULL", text("select profile_level from member_profile where member_id = ?", member));
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("delete from member where id = ?")) {
            s.setLong(1, member);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        assertNull(text("select profile_level from member_profile where member_id = ?", member));
    }

    /**
     * P-PROFILE-1, the photo: the type is read from the bytes (a text file named .jpg is refused, a
     * broken WebP or an oversized file too, and a refusal keeps the photo there), the upload is drawn anew
     * as square JPEGs of 256 and 64 pixels with nothing of the file but its pixels (bytes hidden after
     * the image are gone), and the photo is served only to a viewer the one check allows: with a
     * limited profile to an anonymous visitor, with a private one to nobody.
     */
    @Test
    void aPhotoIsCheckedByItsBytesReencodedAndShownOnlyWhereTheProfileAllows_P_PROFILE_1() throws Exception {
        long member = member("photo");
        MemberDirectory.PublicMember who = directory.publicMember(member).orElseThrow();
        assertTrue(profiles.photo(who, true).isEmpty(), "no photo yet");
        assertFalse(profiles.page(who).view().photo());

        java.awt.image.BufferedImage picture = new java.awt.image.BufferedImage(400, 300, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = picture.createGraphics();
        g.setColor(java.awt.Color.ORANGE);
        g.fillRect(0, 0, 400, 300);
        g.dispose();
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(picture, "png", png);
        png.write("GPS-SECRET-59.91N-10.75E".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        writer.savePhoto(member, png.toByteArray());

        byte[] large = profiles.photo(who, true).orElseThrow();
        byte[] small = profiles.photo(who, false).orElseThrow();
        java.awt.image.BufferedImage shown = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(large));
        assertEquals(256, shown.getWidth());
        assertEquals(256, shown.getHeight());
        assertEquals(64, javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(small)).getWidth());
        assertEquals((byte) 0xFF, large[0], "a JPEG");
        assertEquals((byte) 0xD8, large[1], "a JPEG");
        assertFalse(new String(large, java.nio.charset.StandardCharsets.ISO_8859_1).contains("GPS-SECRET"), "only the pixels are kept");
        assertTrue(profiles.page(who).view().photo(), "a limited profile shows the photo to everyone");

        InvalidInputException renamed = assertThrows(InvalidInputException.class,
                () -> writer.savePhoto(member, "This is a text file named holiday.jpg".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertTrue(renamed.problems().get(PhotoImages.FIELD).contains("not a JPEG, PNG or WebP"), renamed.problems().toString());
        byte[] brokenWebp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(assertThrows(InvalidInputException.class, () -> writer.savePhoto(member, brokenWebp)).problems()
                .get(PhotoImages.FIELD).contains("not a JPEG, PNG or WebP"));
        assertTrue(assertThrows(InvalidInputException.class, () -> writer.savePhoto(member, new byte[PhotoImages.MAX_BYTES + 1]))
                .problems().get(PhotoImages.FIELD).contains("at most 5 MB"));
        assertArrayEquals(large, profiles.photo(who, true).orElseThrow(), "a refused upload leaves the photo as it was");

        writer.save(member, new ProfileDraft(ProfileLevel.PRIVATE, values(), new EnumMap<>(ProfileField.class)));
        assertTrue(profiles.photo(who, true).isEmpty(), "a private profile's photo is served to nobody");
        assertFalse(profiles.page(who).view().photo());

        writer.save(member, new ProfileDraft(ProfileLevel.FULL, values(), new EnumMap<>(ProfileField.class)));
        writer.removePhoto(member);
        assertTrue(profiles.photo(who, true).isEmpty(), "removed");
    }

    // ------------------------------------------------------------------ helpers

    private static Map<ProfileField, String> values() {
        Map<ProfileField, String> values = new EnumMap<>(ProfileField.class);
        values.put(ProfileField.DISPLAY_NAME, "Grace H.");
        values.put(ProfileField.JOB_TITLE, "Rear admiral");
        values.put(ProfileField.ORGANIZATION, "Analytical Engines Ltd");
        values.put(ProfileField.LOCATION, "Arlington");
        values.put(ProfileField.BIO, "I write **compilers**.");
        values.put(ProfileField.WEBSITE, "https://example.org/grace");
        return values;
    }

    /** A verified member written straight into the database, who accepted the privacy policy in effect as joining does. */
    private long member(String prefix) {
        String username = prefix + id().substring(0, 8);
        OffsetDateTime joined = OffsetDateTime.now(ZoneOffset.UTC).minusDays(2);
        return new TestMembers(dataSource, policies).create(username, "Real Name " + username, username + "@example.org", joined, true);
    }

    private String text(String sql, long parameter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, parameter);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String id() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
