package org.colloquy.forum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;

import org.colloquy.test.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.w3c.dom.Document;

/**
 * Search and feeds as an anonymous visitor sees them: a search from the forums page, the highlighted
 * result followed to the exact post, the topic's feed link and its Atom document, refused and
 * fruitless searches with their messages (every page checked by axe-core), no session for any of it,
 * a signed-in member who also finds what a members-only forum holds,
 * and no poster's real name or email in any byte of the search page or the feeds (P-FORUM-1).
 */
class ForumSearchBrowserIT extends BrowserTest {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void anAnonymousVisitorSearchesFollowsAResultAndFindsTheFeed_P_FORUM_1() throws Exception {
        actAsClient(randomClientAddress());
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String word = "wombat" + id.replaceAll("[0-9]", "x");
        String realName = "Philippa Vandersloot" + id;
        String email = "philippa.hidden." + id + "@example.org";
        String crowd = "crowd" + id.replaceAll("[0-9]", "y");
        String[] seeded = testHook("/test/forum/seed", Map.of("id", id, "word", word, "name", realName, "email", email,
                "crowd", crowd)).split("\n");
        String username = seeded[0];
        String topicId = seeded[1];
        String topicPath = seeded[2];

        // From the forums page: type the word, press Enter.
        driver.manage().deleteAllCookies();
        open("/forums");
        driver.findElement(By.id("q")).sendKeys(word, Keys.ENTER);
        awaitLoaded();
        checkPage(false);
        List<WebElement> results = driver.findElements(By.cssSelector("#searchResults .search-result"));
        assertEquals(2, results.size(), "the public topic's title and its reply; not the members-only topic: " + mainText());
        assertEquals("Caring for a " + word, results.get(0).findElement(By.cssSelector(".search-result__title")).getText());
        assertEquals(word, results.get(0).findElement(By.cssSelector(".search-result__title mark")).getText());
        WebElement reply = results.get(1);
        assertEquals(word, reply.findElement(By.cssSelector(".search-result__snippet mark")).getText());
        assertTrue(reply.findElement(By.cssSelector(".search-result__snippet")).getText().contains("<b>fish</b> & chips"),
                "markup in a post is shown as text: " + reply.getText());
        assertTrue(reply.findElements(By.cssSelector(".search-result__snippet b")).isEmpty());
        assertEquals(username, reply.findElement(By.cssSelector(".forum-author")).getText());
        assertFalse(mainText().contains("Members talk about"), "members-only topics are not found anonymously");

        // The result leads to the exact post.
        reply.findElement(By.cssSelector(".search-result__title a")).click();
        awaitLoaded();
        checkPage(false);
        assertTrue(driver.getCurrentUrl().endsWith(topicPath + "#post-2"), driver.getCurrentUrl());
        assertTrue(driver.findElement(By.id("post-2")).getText().contains("likes <b>fish</b> & chips"));

        // The topic's feed: a visible link and an alternate link in the head, to an Atom document.
        String feedHref = driver.findElement(By.id("feedLink")).getAttribute("href");
        assertEquals(portal.url("/feeds/t/" + topicId), feedHref);
        assertEquals(feedHref, driver.findElement(By.cssSelector("head link[rel=alternate][type='application/atom+xml']")).getAttribute("href"));
        HttpResponse<String> feed = get("/feeds/t/" + topicId);
        assertEquals(200, feed.statusCode());
        assertEquals("application/atom+xml;charset=UTF-8", feed.headers().firstValue("Content-Type").orElse("").replace(" ", ""));
        assertEquals(List.of(), feed.headers().allValues("Set-Cookie"));
        Document atom = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(feed.body().getBytes(StandardCharsets.UTF_8)));
        assertEquals(2, atom.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").getLength());

        // The forum's feed link; the members-only forum has no feed.
        open("/c/search-" + id);
        assertEquals(portal.url("/feeds/c/search-" + id), driver.findElement(By.id("feedLink")).getAttribute("href"));
        assertEquals(200, get("/feeds/c/search-" + id).statusCode());
        assertEquals(404, get("/feeds/c/hidden-" + id).statusCode());

        // Refused and fruitless searches: a message beside the field, the text typed kept.
        open("/search?q=");
        assertEquals("Type one or more words to search for.", driver.findElement(By.id("qProblem")).getText());
        assertEquals("qProblem qHint", driver.findElement(By.id("q")).getAttribute("aria-describedby"));
        String tooLong = "long ".repeat(50);
        open("/search?q=" + enc(tooLong));
        assertTrue(driver.findElement(By.id("qProblem")).getText().startsWith("A search has at most 200 characters"));
        assertEquals(tooLong, driver.findElement(By.id("q")).getAttribute("value"));
        open("/search?q=" + enc("nothing" + word));
        assertTrue(driver.findElement(By.id("noResults")).getText().startsWith("No results for \"nothing" + word + "\""));

        // More matches than are counted: said so, not a made-up number; the page is still accessible.
        open("/search?q=" + crowd);
        checkPage(false);
        assertEquals("More than 500 results for \"" + crowd + "\"", driver.findElement(By.id("resultsHeading")).getText());
        assertTrue(driver.findElement(By.id("resultsMore")).getText().startsWith("Too many posts match to count them all."),
                driver.findElement(By.id("resultsMore")).getText());
        assertEquals(20, driver.findElements(By.cssSelector("#searchResults .search-result")).size());
        open("/search?q=" + word);
        assertTrue(driver.findElements(By.id("resultsMore")).isEmpty(), "two results are counted");
        assertEquals("2 results for \"" + word + "\"", driver.findElement(By.id("resultsHeading")).getText());

        // A signed-in member finds the members-only topic too.
        String password = "quiet harbour lantern " + id;
        register("Search Member" + id, "finder" + id, "finder." + id + "@example.org", password);
        signIn("finder" + id, password);
        open("/search?q=" + word);
        List<String> titles = driver.findElements(By.cssSelector("#searchResults .search-result__title")).stream()
                .map(WebElement::getText).toList();
        assertEquals(3, titles.size(), "public topic, its reply and the members-only topic: " + titles);
        assertTrue(titles.contains("Members talk about " + word), titles.toString());
        driver.manage().deleteAllCookies();

        // P-FORUM-1 and no session: the bytes as served, anonymously.
        for (String path : List.of("/search?q=" + word, "/feeds/t/" + topicId, "/feeds/c/search-" + id, "/search?q=")) {
            HttpResponse<String> response = get(path);
            assertEquals(200, response.statusCode(), path);
            assertEquals(List.of(), response.headers().allValues("Set-Cookie"), path);
            String bytes = (response.headers().map() + response.body()).toLowerCase(Locale.ROOT);
            for (String secret : List.of(realName, email, "Vandersloot", "philippa")) {
                assertFalse(bytes.contains(secret.toLowerCase(Locale.ROOT)), path + " carries " + secret);
            }
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(portal.uri(path)).header("X-Forwarded-For", randomClientAddress()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
