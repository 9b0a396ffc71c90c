package org.colloquy.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.colloquy.test.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.Select;

/**
 * Profiles in the browser (P-PROFILE-1, P-FORUM-1, P-RELEASE-2): a member fills the profile (a bad
 * website is refused beside its field and nothing typed is lost), shows the photo to "my workgroups"
 * only, then switches full, limited and private and a field's audience. After each change "view as"
 * on the edit page and the real page agree, photo included, for an anonymous visitor (the browser
 * without cookies), for another signed-in member, and for a member who takes part in a workgroup
 * with them; and the bytes of the profile page and of a forum topic the member posted in, fetched as
 * served anonymously, as the other member, as the fellow participant and as the member, carry
 * exactly the fields (and the photo) that viewer may see: the forum never any of them (only the
 * username), the real name and email nowhere.
 */
class ProfileBrowserIT extends BrowserTest {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private String id;
    private String owner;
    private String topicPath;
    private Set<Cookie> ownerCookies;
    private Set<Cookie> readerCookies;
    private Set<Cookie> fellowCookies;
    /** Who, of "anonymous", "member" and "workgroup", sees the photo with the profile as it is now. */
    private Set<String> photoSeenBy;
    private Map<String, String> markers;
    private List<String> neverShown;

    @Test
    void aMemberChoosesWhatTheirProfileShowsAndEveryViewerSeesExactlyThat_P_PROFILE_1_P_FORUM_1() throws Exception {
        actAsClient(randomClientAddress());
        id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);

        // Another member, to read as; then the member whose profile it is, with a distinctive real name and email.
        String reader = "preader" + id;
        String readerPassword = "pebble orchard violin " + id;
        register("Reader Person" + id, reader, "preader." + id + "@example.org", readerPassword);
        signIn(reader, readerPassword);
        readerCookies = driver.manage().getCookies();
        // A member who will take part in a workgroup with the owner: "my workgroups" includes them.
        String fellow = "pfellow" + id;
        String fellowPassword = "harbour thistle copper " + id;
        register("Fellow Person" + id, fellow, "pfellow." + id + "@example.org", fellowPassword);
        signIn(fellow, fellowPassword);
        fellowCookies = driver.manage().getCookies();
        owner = "profiler" + id;
        String realName = "Zebulon Quartermaine" + id;
        String email = "zebulon.secret." + id + "@example.org";
        String password = "lantern copper river " + id;
        register(realName, owner, email, password);
        signIn(owner, password);
        ownerCookies = driver.manage().getCookies();
        neverShown = List.of(realName, email, "Zebulon", "zebulon.secret");
        topicPath = testHook("/test/forum/thread", Map.of("category", "profile-" + id, "title", "Owner thread " + id,
                "username", owner, "posts", "2"));
        // A real workgroup: both applied, accepting the joining clause, and were approved; the reader is in none with them.
        assertTrue(testHook("/test/workgroup/group", Map.of("name", "Profile fellows " + id, "participants", owner + "," + fellow))
                .matches("\\d+"));

        markers = new LinkedHashMap<>();
        markers.put("displayName", "Dispname" + id);
        markers.put("jobTitle", "Jobtitle" + id);
        markers.put("organization", "Orgname" + id);
        markers.put("location", "Locname" + id);
        markers.put("bio", "Biotext" + id);
        markers.put("website", "example.org/site-" + id);

        // Fill everything, with a website that is not one: the message is beside it and nothing typed is lost.
        open("/account/profile");
        assertTrue(driver.findElement(By.cssSelector("#profile input[type=radio][value=LIMITED]")).isSelected(), "limited by default");
        submit("profile:save");
        assertTrue(driver.findElement(By.cssSelector("#profile .form-messages")).getText().contains("Your profile is saved"),
                "an empty profile saves: " + mainText());
        java.nio.file.Path webp = java.nio.file.Files.createTempDirectory("colloquy-photo").resolve("me.webp");
        try (java.io.InputStream in = PhotoImagesTest.class.getResourceAsStream("gradient-300x200.webp")) {
            java.nio.file.Files.write(webp, in.readAllBytes());
        }
        driver.findElement(By.id("photo:file")).sendKeys(webp.toString());
        submit("photo:upload");
        assertTrue(driver.findElement(By.id("photoNotice")).getText().contains("Your photo is saved"), mainText());
        driver.findElement(By.cssSelector("#profile input[type=radio][value=FULL]")).click();
        type("profile:displayName", markers.get("displayName"));
        type("profile:jobTitle", markers.get("jobTitle"));
        type("profile:organization", markers.get("organization"));
        type("profile:location", markers.get("location"));
        type("profile:bio", markers.get("bio") + " writes **bold** text <script>document.title='pwned'</script>");
        type("profile:website", "not a website");
        audience("displayName", "EVERYONE");
        audience("jobTitle", "MEMBERS");
        audience("organization", "WORKGROUPS");
        audience("location", "ONLY_ME");
        audience("bio", "MEMBERS");
        audience("website", "EVERYONE");
        audience("photo", "WORKGROUPS");
        submit("profile:save");
        assertTrue(driver.findElement(By.id("profile:website-message")).getText().contains("Enter a full web address"), mainText());
        assertEquals("true", driver.findElement(By.id("profile:website")).getAttribute("aria-invalid"));
        assertEquals("not a website", driver.findElement(By.id("profile:website")).getAttribute("value"));
        assertEquals(markers.get("displayName"), driver.findElement(By.id("profile:displayName")).getAttribute("value"));
        assertEquals(markers.get("location"), driver.findElement(By.id("profile:location")).getAttribute("value"));
        assertTrue(driver.findElement(By.id("profile:bio")).getAttribute("value").startsWith(markers.get("bio") + " writes **bold**"));
        assertTrue(driver.findElement(By.cssSelector("#profile input[type=radio][value=FULL]")).isSelected());
        assertEquals("ONLY_ME", new Select(driver.findElement(By.id("profile:locationAudience"))).getFirstSelectedOption().getAttribute("value"));
        assertTrue(!driver.findElement(By.id("preview")).getText().contains(markers.get("displayName")), "nothing was saved");

        type("profile:website", "https://" + markers.get("website"));
        submit("profile:save");
        assertTrue(driver.findElement(By.cssSelector("#profile .form-messages")).getText().contains("Your profile is saved"), mainText());

        // Full: each field to its audience. The organization and the photo are for "my workgroups": the
        // fellow participant sees them on the real page as "view as workgroup member" shows them, the
        // other member (in no workgroup with the owner) sees neither.
        photoSeenBy = Set.of("workgroup");
        agree("anonymous", "displayName", "website");
        agree("member", "displayName", "jobTitle", "bio", "website");
        agree("workgroup", "displayName", "jobTitle", "organization", "bio", "website");
        open("/u/" + owner);
        assertEquals("nofollow ugc noopener", driver.findElement(By.id("profileWebsite")).getAttribute("rel"));
        assertTrue(driver.findElement(By.id("profileBio")).getText().contains("<script>"), "shown as text");
        assertTrue(driver.findElements(By.cssSelector("#profileBio script")).isEmpty());
        assertTrue(driver.findElement(By.id("recentPosts")).getText().contains("Owner thread " + id));
        leaks("full", Set.of("displayName", "website"), Set.of("displayName", "jobTitle", "bio", "website"),
                Set.of("displayName", "jobTitle", "organization", "bio", "website"), markers.keySet());

        // Limited: at most the bio, to its audience, and the photo to its own; then the bio's audience widened to everyone.
        level("LIMITED");
        agree("anonymous");
        agree("member", "bio");
        agree("workgroup", "bio");
        leaks("limited, bio for members", Set.of(), Set.of("bio"), Set.of("bio"), Set.of("bio"));
        open("/account/profile");
        audience("bio", "EVERYONE");
        submit("profile:save");
        agree("anonymous", "bio");
        leaks("limited, bio for everyone", Set.of("bio"), Set.of("bio"), Set.of("bio"), Set.of("bio"));

        // Private: the username only, for everyone, fellow participants and the member too.
        level("PRIVATE");
        photoSeenBy = Set.of();
        agree("anonymous");
        agree("member");
        agree("workgroup");
        open("/u/" + owner);
        assertTrue(driver.findElement(By.id("profilePrivate")).getText().contains("private"), mainText());
        assertTrue(driver.findElements(By.id("recentPosts")).isEmpty());
        leaks("private", Set.of(), Set.of(), Set.of(), Set.of());
    }

    /**
     * P-PROFILE-1, the photo in the browser: a text file named .jpg is refused beside the field, a
     * WebP is taken and shown on the edit page and on {@code /u/{username}}; its address serves a JPEG
     * to an anonymous visitor while the profile is limited; once the member shows the photo to
     * signed-in members only, "view as" shows it to a member and not to an anonymous visitor, whom
     * the address answers 404; and once the member makes the profile private the page no longer
     * names it and the address answers 404.
     */
    @Test
    void aMemberUploadsAPhotoThatIsServedOnlyWhileTheProfileShowsIt_P_PROFILE_1() throws Exception {
        actAsClient(randomClientAddress());
        String pid = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String member = "photog" + pid;
        String password = "quartz meadow lantern " + pid;
        register("Photo Person" + pid, member, "photog." + pid + "@example.org", password);
        signIn(member, password);

        java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("colloquy-photo");
        java.nio.file.Path fake = folder.resolve("holiday.jpg");
        java.nio.file.Files.writeString(fake, "Not a picture at all, only words in a file named like one.");
        java.nio.file.Path webp = folder.resolve("me.webp");
        try (java.io.InputStream in = PhotoImagesTest.class.getResourceAsStream("gradient-300x200.webp")) {
            java.nio.file.Files.write(webp, in.readAllBytes());
        }

        open("/account/profile");
        driver.findElement(By.id("photo:file")).sendKeys(fake.toString());
        submit("photo:upload");
        assertTrue(driver.findElement(By.id("photo:file-message")).getText().contains("not a JPEG, PNG or WebP"), mainText());
        assertTrue(driver.findElements(By.id("ownPhoto")).isEmpty(), "nothing saved");

        driver.findElement(By.id("photo:file")).sendKeys(webp.toString());
        submit("photo:upload");
        assertTrue(driver.findElement(By.id("photoNotice")).getText().contains("Your photo is saved"), mainText());
        assertTrue(driver.findElement(By.id("ownPhoto")).isDisplayed());
        open("/u/" + member);
        assertTrue(driver.findElement(By.id("profilePhoto")).isDisplayed());

        String photoPath = "/profile-photo/" + member + "/large";
        HttpResponse<byte[]> served = http.send(HttpRequest.newBuilder(portal.uri(photoPath)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, served.statusCode());
        assertEquals("image/jpeg", served.headers().firstValue("Content-Type").orElse(""));
        assertTrue(http.send(HttpRequest.newBuilder(portal.uri("/u/" + member)).build(), HttpResponse.BodyHandlers.ofString()).body()
                .contains(photoPath), "the limited profile shows the photo to an anonymous visitor");

        // The photo for signed-in members only: "view as" shows it to a member and not to an anonymous
        // visitor, whose real page does not name it and whose request for it answers 404.
        open("/account/profile");
        audience("photo", "MEMBERS");
        submit("profile:save");
        assertTrue(driver.findElement(By.cssSelector("#profile .form-messages")).getText().contains("Your profile is saved"), mainText());
        open("/account/profile?as=anonymous");
        assertTrue(driver.findElements(By.cssSelector("#preview #profilePhoto")).isEmpty(), "view as anonymous: no photo");
        open("/account/profile?as=member");
        assertTrue(driver.findElement(By.cssSelector("#preview #profilePhoto")).isDisplayed(), "view as member: the photo");
        assertEquals(404, http.send(HttpRequest.newBuilder(portal.uri(photoPath)).build(), HttpResponse.BodyHandlers.ofByteArray()).statusCode(),
                "the photo is not served to an anonymous visitor");
        assertTrue(!http.send(HttpRequest.newBuilder(portal.uri("/u/" + member)).build(), HttpResponse.BodyHandlers.ofString()).body()
                .contains("profile-photo"), "the anonymous page does not name the photo");

        level("PRIVATE");
        assertEquals(404, http.send(HttpRequest.newBuilder(portal.uri(photoPath)).build(), HttpResponse.BodyHandlers.ofByteArray()).statusCode(),
                "a private profile's photo is not served");
        assertEquals(404, http.send(HttpRequest.newBuilder(portal.uri("/profile-photo/" + member + "/small")).build(),
                HttpResponse.BodyHandlers.ofByteArray()).statusCode());
        String page = http.send(HttpRequest.newBuilder(portal.uri("/u/" + member)).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(!page.contains("profile-photo"), "the private page does not name the photo");
    }

    private void audience(String field, String audience) {
        new Select(driver.findElement(By.id("profile:" + field + "Audience"))).selectByValue(audience);
    }

    private void level(String level) {
        open("/account/profile");
        driver.findElement(By.cssSelector("#profile input[type=radio][value=" + level + "]")).click();
        submit("profile:save");
        assertTrue(driver.findElement(By.cssSelector("#profile .form-messages")).getText().contains("Your profile is saved"), mainText());
    }

    /** "View as" on the edit page shows these fields and no others; returns the card's text. */
    private String preview(String as, String... shown) {
        signInAs(ownerCookies);
        open("/account/profile?as=" + as);
        assertEquals("true", driver.findElement(By.id("viewAs-" + as)).getAttribute("aria-current"));
        String card = driver.findElement(By.cssSelector("#preview #profileCard")).getText();
        assertShowsExactly(card, "view as " + as, Set.of(shown));
        return card;
    }

    /**
     * "View as" and the real page agree: the real page opened in the browser anonymously (no cookie
     * at all), as the other member, or as the fellow participant, with the same card text, and the
     * photo on both or on neither, as its audience says ({@link #photoSeenBy}).
     */
    private void agree(String as, String... shown) {
        String previewed = preview(as, shown);
        boolean previewPhoto = !driver.findElements(By.cssSelector("#preview #profilePhoto")).isEmpty();
        assertEquals(photoSeenBy.contains(as), previewPhoto, "view as " + as + ": the photo");
        switch (as) {
            case "anonymous" -> driver.manage().deleteAllCookies();
            case "member" -> signInAs(readerCookies);
            case "workgroup" -> signInAs(fellowCookies);
            default -> throw new IllegalArgumentException(as);
        }
        open("/u/" + owner);
        String real = driver.findElement(By.id("profileCard")).getText();
        assertEquals(previewed, real, "view as " + as + " and the real page");
        assertEquals(previewPhoto, !driver.findElements(By.id("profilePhoto")).isEmpty(), "view as " + as + " and the real page: the photo");
        if (as.equals("anonymous")) {
            assertTrue(driver.manage().getCookies().isEmpty(), "the anonymous visitor got a cookie: " + driver.manage().getCookies());
        }
        signInAs(ownerCookies);
    }

    private void signInAs(Set<Cookie> cookies) {
        driver.manage().deleteAllCookies();
        cookies.forEach(driver.manage()::addCookie);
    }

    /**
     * P-PROFILE-1 and P-FORUM-1 in the bytes as served: the profile page carries exactly the fields
     * each viewer may see, the forum topic none of them, and no page the real name or email; the
     * profile page names the photo, and its address serves it, only to those its audience admits.
     */
    private void leaks(String setting, Set<String> anonymous, Set<String> member, Set<String> fellow, Set<String> ownerSees)
            throws Exception {
        List<String> problems = new ArrayList<>();
        Map<String, Set<String>> viewers = new LinkedHashMap<>();
        viewers.put("anonymous", anonymous);
        viewers.put("member", member);
        viewers.put("workgroup", fellow);
        viewers.put("owner", ownerSees);
        for (Map.Entry<String, Set<String>> viewer : viewers.entrySet()) {
            String cookies = switch (viewer.getKey()) {
                case "member" -> header(readerCookies);
                case "workgroup" -> header(fellowCookies);
                case "owner" -> header(ownerCookies);
                default -> null;
            };
            if (!viewer.getKey().equals("owner")) {
                HttpRequest.Builder photo = HttpRequest.newBuilder(portal.uri("/profile-photo/" + owner + "/large"));
                if (cookies != null) {
                    photo.header("Cookie", cookies);
                }
                int status = http.send(photo.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if ((status == 200) != photoSeenBy.contains(viewer.getKey())) {
                    problems.add(setting + ": the photo's address answers " + status + " to " + viewer.getKey());
                }
            }
            for (String path : List.of("/u/" + owner, topicPath)) {
                HttpRequest.Builder request = HttpRequest.newBuilder(portal.uri(path)).header("X-Forwarded-For", randomClientAddress());
                if (cookies != null) {
                    request.header("Cookie", cookies);
                }
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode(), path);
                String who = switch (viewer.getKey()) {
                    case "anonymous" -> ">Sign in</a>";
                    case "member" -> ">preader" + id + "</a>";
                    case "workgroup" -> ">pfellow" + id + "</a>";
                    default -> ">profiler" + id + "</a>";
                };
                assertTrue(response.body().contains(who), path + " was not read as " + viewer.getKey());
                if (cookies == null) {
                    assertEquals(List.of(), response.headers().allValues("Set-Cookie"), "stateless for anonymous visitors: " + path);
                }
                String bytes = (response.headers().map() + response.body()).toLowerCase();
                Set<String> expected = path.startsWith("/u/") ? viewer.getValue() : Set.of();
                boolean photoNamed = bytes.contains("/profile-photo/" + owner.toLowerCase());
                if (!viewer.getKey().equals("owner") && photoNamed != (path.startsWith("/u/") && photoSeenBy.contains(viewer.getKey()))) {
                    problems.add(setting + ": " + path + " as " + viewer.getKey() + (photoNamed ? " names" : " does not name") + " the photo");
                }
                for (Map.Entry<String, String> field : markers.entrySet()) {
                    boolean present = bytes.contains(field.getValue().toLowerCase());
                    if (present != expected.contains(field.getKey())) {
                        problems.add(setting + ": " + path + " as " + viewer.getKey() + (present ? " carries " : " lacks ") + field.getKey());
                    }
                }
                for (String secret : neverShown) {
                    if (bytes.contains(secret.toLowerCase())) {
                        problems.add(setting + ": " + path + " as " + viewer.getKey() + " carries " + secret);
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static String header(Set<Cookie> cookies) {
        return cookies.stream().map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
    }

    private void assertShowsExactly(String text, String where, Set<String> shown) {
        for (Map.Entry<String, String> field : markers.entrySet()) {
            assertEquals(shown.contains(field.getKey()), text.contains(field.getValue()), where + ": " + field.getKey() + " in\n" + text);
        }
        assertTrue(text.contains(owner), where + " shows the username");
    }
}
