package org.colloquy.forum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.colloquy.test.BrowserTest;
import org.colloquy.test.Portal;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The forums in the browser: an administrator opens a forum (and publishes forum rules when none
 * are in effect); a member accepts the rules at their first post (P-FORUM-2), posts Markdown with a
 * link and an attempted script (shown as text, the link marked nofollow ugc noopener), quotes, edits;
 * an anonymous reader browses the forum, the topic and the disclaimer (P-FORUM-4). Then every forum
 * surface is fetched as served, anonymously and as another member, and must not carry the posters'
 * real names or emails anywhere in its bytes (P-FORUM-1).
 */
class ForumBrowserIT extends BrowserTest {

    private static final Duration MAIL = Duration.ofSeconds(30);

    @Test
    void aMemberAcceptsTheRulesPostsQuotesAndEditsAndOnlyUsernamesAreServed_P_FORUM_1_P_FORUM_2_P_FORUM_4() throws Exception {
        actAsClient(randomClientAddress());
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);

        // The administrator, with the second factor staff roles need here, opens a forum.
        String adminPassword = "forum admin passphrase harbor " + id;
        String admin = "fadmin" + id;
        register("Forum Admin Realname" + id, admin, Portal.FORUM_ADMIN_EMAIL, adminPassword);
        signIn(admin, adminPassword);
        setUpSecondFactor();
        open("/admin/policies?kind=FORUM_RULES");
        if (driver.findElements(By.cssSelector("#versions-rules + div tbody tr")).isEmpty()) {
            new Select(driver.findElement(By.id("publish:kind"))).selectByVisibleText("Forum rules");
            type("publish:body", "No advertisements, no harassment. " + id);
            script("arguments[0].value = arguments[1];", driver.findElement(By.id("publish:effective")),
                    LocalDate.now(ZoneOffset.UTC).toString());
            submit("publish:submit");
        }
        String slug = "browser-" + id;
        open("/admin/forums");
        type("category:name", "Browser forum " + id);
        type("category:slug", "Not A Slug");
        submit("category:save");
        assertTrue(driver.findElement(By.id("category:slug-message")).getText().contains("lowercase letters"), mainText());
        type("category:slug", slug);
        type("category:description", "Where the browser test talks");
        type("category:conditions", "Stay on **topic** " + id);
        submit("category:save");
        assertTrue(driver.findElement(By.id("forumTable")).getText().contains("Browser forum " + id), mainText());
        submit("signOutButton");

        // A member with a distinctive real name and email joins.
        String member = "poster" + id;
        String realName = "Quillon Zarathustra" + id;
        String email = "quillon.private." + id + "@example.org";
        String password = "lantern copper river " + id;
        register(realName, member, email, password);
        signIn(member, password);

        // First post: the rules and the forum's conditions first, then the editor.
        open("/c/" + slug);
        driver.findElement(By.id("newTopicLink")).click();
        awaitLoaded();
        checkPage(false);
        assertTrue(driver.findElement(By.id("rulesText")).getText().contains("No advertisements")
                || !driver.findElement(By.id("rulesText")).getText().isBlank());
        assertTrue(driver.findElement(By.id("rulesConditions")).getText().contains("Stay on topic " + id));
        assertTrue(driver.findElements(By.id("post:body")).isEmpty(), "no editor before the rules are accepted");
        submit("post:acceptRules");
        type("post:title", "Links and scripts " + id);
        type("post:body", "Read [the spec](https://example.org/spec) <script>document.title='pwned'</script>");
        submit("post:submit");
        assertEquals("Links and scripts " + id, driver.findElement(By.id("topicTitle")).getText());
        WebElement link = driver.findElement(By.cssSelector("#post-1 .post__body a"));
        assertEquals("nofollow ugc noopener", link.getAttribute("rel"));
        assertTrue(driver.findElement(By.cssSelector("#post-1 .post__body")).getText().contains("<script>"), "shown as text");
        assertTrue(driver.findElements(By.cssSelector("#post-1 script")).isEmpty());
        assertFalse(driver.getTitle().contains("pwned"));
        String topicUrl = driver.getCurrentUrl();

        // Quote: the reply starts with "> @member wrote:".
        driver.findElement(By.id("quote-1")).click();
        awaitLoaded();
        checkPage(false);
        String prefilled = driver.findElement(By.id("post:body")).getAttribute("value");
        assertTrue(prefilled.startsWith("> @" + member + " wrote:"), prefilled);
        driver.findElement(By.id("post:body")).sendKeys("I agree with myself.");
        submit("post:submit");
        assertTrue(driver.findElement(By.cssSelector("#post-2 blockquote")).getText().contains(member + " wrote:"));

        // Edit: the post says it was edited.
        driver.findElement(By.id("edit-2")).click();
        awaitLoaded();
        checkPage(false);
        type("post:body", "Edited: I agree.");
        submit("post:submit");
        assertTrue(driver.findElement(By.cssSelector("#post-2 .post__body")).getText().contains("Edited: I agree."));
        assertTrue(driver.findElement(By.cssSelector("#post-2 .post__edited")).getText().startsWith("edited"));
        assertEquals(member, driver.findElement(By.cssSelector("#post-2-by a")).getText());
        String topicPath = topicUrl.substring(portal.url("/").length() - 1).replaceAll("#.*$", "");

        // Another member, for the leak check as a signed-in reader.
        submit("signOutButton");
        String other = "reader" + id;
        String otherPassword = "pebble orchard violin " + id;
        register("Other Reader" + id, other, "other." + id + "@example.org", otherPassword);
        signIn(other, otherPassword);
        assertEquals(other, driver.findElement(By.id("accountLink")).getText(), "signed in as the other member: " + mainText());
        // Every cookie of the signed-in browser (the session and Payara's session version).
        String sessionCookies = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));

        // The anonymous reader browses, with the disclaimer on every forum page.
        driver.manage().deleteAllCookies();
        open("/forums");
        assertTrue(driver.findElement(By.id("forumList")).getText().contains("Browser forum " + id));
        assertTrue(driver.findElement(By.id("forumDisclaimer")).getText().contains("Posts express only their authors' views"));
        open("/c/" + slug);
        assertTrue(driver.findElement(By.id("forumConditions")).getText().contains("Stay on topic " + id));
        driver.findElement(By.linkText("Links and scripts " + id)).click();
        awaitLoaded();
        checkPage(false);
        assertTrue(driver.findElement(By.id("forumDisclaimer")).isDisplayed());
        driver.findElement(By.cssSelector("#post-1-by a")).click();
        awaitLoaded();
        checkPage(false);
        assertEquals(member, driver.findElement(By.id("memberName")).getText());

        // P-FORUM-1: every forum surface, as served, anonymously and as another member.
        List<String> surfaces = List.of("/", "/forums", "/c/" + slug, topicPath, "/u/" + member);
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        List<String> leaks = new ArrayList<>();
        for (String path : surfaces) {
            for (boolean signedIn : new boolean[] {false, true}) {
                HttpRequest.Builder request = HttpRequest.newBuilder(portal.uri(path)).header("X-Forwarded-For", randomClientAddress());
                if (signedIn) {
                    request.header("Cookie", sessionCookies);
                }
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode(), path);
                if (path.startsWith("/c/") || path.startsWith("/t/")) {
                    // Issue 6 (speed): a forum page read without a session may be kept by a shared cache; a member's never.
                    assertEquals(signedIn ? "no-store" : "public, max-age=30", response.headers().firstValue("Cache-Control").orElse(""),
                            path + (signedIn ? " as " + other : " anonymously"));
                    if (!signedIn) {
                        assertEquals(List.of(), response.headers().allValues("Set-Cookie"), path + " sets no cookie anonymously");
                    }
                }
                String bytes = response.headers().map() + response.body();
                assertTrue(response.body().contains(signedIn ? ">" + other + "</a>" : ">Sign in</a>"), path + (signedIn ? " as " + other : " anonymously")
                        + " was not read as expected: " + response.body().replaceAll("(?s).*<title>(.*?)</title>.*", "$1"));
                for (String secretText : List.of(realName, email, "Quillon", "quillon.private")) {
                    if (bytes.toLowerCase().contains(secretText.toLowerCase())) {
                        leaks.add(path + (signedIn ? " (signed in)" : " (anonymous)") + " carries " + secretText);
                    }
                }
            }
        }
        assertTrue(leaks.isEmpty(), String.join("\n", leaks));
    }

    /**
     * An anonymous reader goes from the forums list to a forum, to a topic of 25 posts and, with the
     * keyboard, to its second page at its stable address, and back; no page gives them a session
     * (stateless public pages) and the disclaimer is on each (P-FORUM-4).
     */
    @Test
    void anAnonymousReaderBrowsesAForumAndPagesThroughATopic_P_FORUM_4() throws Exception {
        actAsClient(randomClientAddress());
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String member = "pager" + id;
        register("Pager Person" + id, member, "pager." + id + "@example.org", "walnut copper lantern " + id);
        String slug = "paging-" + id;
        String topicPath = testHook("/test/forum/thread", Map.of("category", slug, "title", "A long thread " + id,
                "username", member, "posts", "25"));

        driver.manage().deleteAllCookies();
        open("/forums");
        driver.findElement(By.linkText("Forum " + slug)).click();
        awaitLoaded();
        checkPage(false);
        assertTrue(driver.getCurrentUrl().endsWith("/c/" + slug), driver.getCurrentUrl());
        String row = driver.findElement(By.id("topicTable")).getText();
        assertTrue(row.contains("A long thread " + id) && row.contains(member), row);
        assertTrue(driver.findElement(By.id("forumDisclaimer")).isDisplayed());
        driver.findElement(By.linkText("A long thread " + id)).click();
        awaitLoaded();
        checkPage(false);
        assertEquals(20, driver.findElements(By.cssSelector("#posts > li.post")).size());
        assertTrue(driver.findElement(By.id("pager")).getText().contains("1 of 2"), driver.findElement(By.id("pager")).getText());

        // Keyboard only: the next-page link takes focus and Enter follows it.
        WebElement next = driver.findElement(By.id("nextPage"));
        script("arguments[0].focus();", next);
        next.sendKeys(Keys.ENTER);
        waitUpTo(Duration.ofSeconds(20))
                .until(d -> d.getCurrentUrl().endsWith(topicPath + "?page=2"));
        awaitLoaded();
        checkPage(false);
        List<WebElement> posts = driver.findElements(By.cssSelector("#posts > li.post"));
        assertEquals(5, posts.size());
        assertEquals("post-21", posts.get(0).getAttribute("id"));
        assertTrue(driver.findElement(By.cssSelector("#post-25 .post__body")).getText().contains("Post 25 of the long thread."));
        assertTrue(driver.findElement(By.id("forumDisclaimer")).isDisplayed());
        driver.findElement(By.id("prevPage")).click();
        awaitLoaded();
        assertTrue(driver.getCurrentUrl().endsWith(topicPath), driver.getCurrentUrl());
        assertTrue(driver.manage().getCookies().stream().noneMatch(c -> c.getName().startsWith("JSESSIONID")),
                "an anonymous reader got a session: " + driver.manage().getCookies());
        // Past the last page is "not found", not an empty page.
        openErrorPage(topicPath + "?page=3");
        assertTrue(driver.findElement(By.tagName("h1")).getText().contains("Page not found"), mainText());
    }
}
