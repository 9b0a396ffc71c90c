package org.colloquy.forum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.colloquy.test.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The micro-cache of anonymous forum pages (decision 0017), as a reader's client sees it over HTTP:
 * a second anonymous read is answered from memory with the same bytes and the same
 * Content-Security-Policy (its nonce matches the page's scripts), sets no cookie; a request within
 * a session is never answered from or kept in the cache (P-FORUM-1: nothing personal is shared); a
 * new post shows at once; a not-found page is never kept. After the copy expires one request
 * renders the page while the others get the expired copy, unless a change evicted it. Search result pages
 * likewise (decision 0049): an anonymous search is answered from memory, a new post evicts it, and a
 * signed-in member's search, which also finds members-only forums, is never answered from or kept in the
 * cache. A member's deactivation, reactivation and new username evict the copies at once (P-ACCOUNT-2);
 * a forum page under a made-up address is rendered but never kept (decision 0017, addendum). The members
 * are registered, and change their accounts, in a browser; the rest is plain HTTP.
 */
class AnonymousPageCacheIT extends BrowserTest {

    private static final String CACHE = "X-Colloquy-Cache";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void anonymousReadersShareOneRenderingAndSeeANewPostAtOnce_P_FORUM_1() throws Exception {
        actAsClient(randomClientAddress());
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String member = "cacher" + id;
        register("Cache Person" + id, member, "cacher." + id + "@example.org", "quartz willow harbour " + id);
        String slug = "cached-" + id;
        String topic = testHook("/test/forum/thread", Map.of("category", slug, "title", "A cached thread " + id,
                "username", member, "posts", "3"));

        HttpResponse<String> first = get(topic, null);
        assertEquals(200, first.statusCode());
        assertEquals("miss", first.headers().firstValue(CACHE).orElse(""));
        HttpResponse<String> second = get(topic, null);
        assertEquals(200, second.statusCode());
        assertEquals("hit", second.headers().firstValue(CACHE).orElse(""), "the second anonymous read comes from memory");
        assertEquals(first.body(), second.body(), "the same bytes");
        List<String> policies = second.headers().allValues("Content-Security-Policy");
        assertEquals(first.headers().allValues("Content-Security-Policy"), policies, "the same policy, nonce and all");
        assertEquals(1, policies.size(), policies.toString());
        String nonce = policies.get(0).replaceAll(".*'nonce-([^']+)'.*", "$1");
        assertNotEquals(policies.get(0), nonce, "the page has a nonce: " + policies.get(0));
        assertTrue(second.body().contains("nonce=\"" + nonce + "\""), "the page's scripts carry the policy's nonce");
        assertEquals(List.of(), second.headers().allValues("Set-Cookie"), "no cookie on a hit");
        assertEquals("public, max-age=30", second.headers().firstValue("Cache-Control").orElse(""));
        assertEquals("nosniff", second.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("DENY", second.headers().firstValue("X-Frame-Options").orElse(""));
        assertTrue(second.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertFalse(second.body().contains("cacher." + id + "@example.org") || second.body().contains("Cache Person" + id),
                "only the username is public");

        HttpResponse<String> category = get("/c/" + slug, null);
        assertEquals(200, category.statusCode());
        assertEquals("hit", get("/c/" + slug, null).headers().firstValue(CACHE).orElse(""));

        testHook("/test/forum/reply", Map.of("topic", topic, "username", member, "text", "A fresh reply " + id));
        HttpResponse<String> after = get(topic, null);
        assertEquals("miss", after.headers().firstValue(CACHE).orElse(""), "the new post evicted the page");
        assertTrue(after.body().contains("A fresh reply " + id), "the new post shows at once");
        assertEquals("miss", get("/c/" + slug, null).headers().firstValue(CACHE).orElse(""), "and its forum's page");

        // The copy expires by the clock (a 5 s time to live): any request made to poll for it would
        // renew it, so the test waits out the time itself.
        Thread.sleep(EXPIRED_MILLIS);
        List<HttpResponse<String>> burst = together(topic, 8);
        assertEquals(1, burst.stream().filter(r -> "miss".equals(state(r))).count(),
                "after expiry exactly one of 8 simultaneous readers renders the page: " + states(burst));
        for (HttpResponse<String> response : burst) {
            assertEquals(200, response.statusCode());
            if ("stale".equals(state(response))) {
                assertEquals(after.body(), response.body(), "the others get the expired copy as it was");
            } else {
                assertTrue(List.of("miss", "hit").contains(state(response)), states(burst));
            }
        }

        Thread.sleep(EXPIRED_MILLIS);
        testHook("/test/forum/reply", Map.of("topic", topic, "username", member, "text", "A second reply " + id));
        for (HttpResponse<String> response : together(topic, 8)) {
            assertTrue(List.of("miss", "hit").contains(state(response)), "an evicted page is never sent stale: " + state(response));
            assertTrue(response.body().contains("A second reply " + id), "every reader sees the change at once");
        }
    }

    @Test
    void anonymousSearchesComeFromTheCacheUntilAPostCommitsAndMembersNeverShareThem_P_FORUM_1() throws Exception {
        actAsClient(randomClientAddress());
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String word = "pangolin" + id.replaceAll("[0-9]", "x");
        String[] seeded = testHook("/test/forum/seed", Map.of("id", id, "word", word, "name", "Cache Seeker" + id,
                "email", "cache.seeker." + id + "@example.org")).split("\n");
        String poster = seeded[0];
        String topic = seeded[2];
        // A member, signed in before anything is cached (registering takes longer than a copy lives).
        String password = "copper meadow signal " + id;
        register("Cache Reader" + id, "cachereader" + id, "cache.reader." + id + "@example.org", password);
        signIn("cachereader" + id, password);
        String session = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        assertTrue(session.contains("JSESSIONID"), session);
        String search = "/search?q=" + word;

        HttpResponse<String> first = get(search, null);
        assertEquals(200, first.statusCode());
        assertEquals("miss", state(first));
        assertTrue(first.body().contains("Caring for a "), "the public topic is found");
        assertFalse(first.body().contains("Members talk about"), "a members-only forum is not searched for anonymous readers");
        HttpResponse<String> second = get(search, null);
        assertEquals("hit", state(second), "the same search again comes from memory");
        assertEquals(first.body(), second.body(), "the same bytes");
        assertEquals(first.headers().allValues("Content-Security-Policy"), second.headers().allValues("Content-Security-Policy"));
        assertEquals(List.of(), second.headers().allValues("Set-Cookie"), "no cookie on a hit");

        HttpResponse<String> members = get(search, session);
        assertEquals(200, members.statusCode());
        assertEquals("bypass", state(members), "a signed-in member's search never comes from the cache");
        assertTrue(members.body().contains("Members talk about "), "the member's own results, members-only forum included");
        HttpResponse<String> anonymousAgain = get(search, null);
        assertEquals("hit", state(anonymousAgain));
        assertEquals(first.body(), anonymousAgain.body(), "the member's page did not replace the anonymous copy");
        String membersFirst = search + "&page=1";
        assertEquals("bypass", state(get(membersFirst, session)));
        HttpResponse<String> notKept = get(membersFirst, null);
        assertEquals("miss", state(notKept), "what a member searched was not kept");
        assertFalse(notKept.body().contains("Members talk about"), "nor shown to an anonymous reader");

        String other = "/search?q=caring+" + word;
        get(other, null);
        assertEquals("hit", state(get(other, null)), "another search, whose results the coming post does not change");

        testHook("/test/forum/reply", Map.of("topic", topic, "username", poster, "text", "A fresh sighting of a " + word + " today"));
        HttpResponse<String> after = get(search, null);
        assertEquals("miss", state(after), "the new post evicted every search page");
        assertTrue(after.body().contains("fresh sighting"), "the next anonymous search finds the new post at once");
        assertFalse(after.body().contains("Members talk about"));
        HttpResponse<String> otherAfter = get(other, null);
        assertEquals("miss", state(otherAfter), "every search page went, not only those that find the post");
        assertFalse(otherAfter.body().contains("fresh sighting"));
        driver.manage().deleteAllCookies();
    }

    /**
     * P-ACCOUNT-2 (and P-ACCOUNT-1 for the username): how a member is shown changes on the cached anonymous
     * pages at the next view, not when the copies expire. The member's topic page, their forum's page and a
     * search that finds the topic are cached (a hit each); the member deactivates through the account page,
     * and the next anonymous request of each is rendered anew and shows the username without a link to the
     * profile page that is gone. Reactivating by signing in brings the link back at once, and so does a new
     * username replace the old one at once. Each check runs while the earlier copies are still fresh (checked),
     * so a copy that was not evicted would have been sent.
     */
    @Test
    void deactivationReactivationAndANewUsernameShowOnCachedPagesAtOnce_P_ACCOUNT_2() throws Exception {
        actAsClient(randomClientAddress());
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String member = "fader" + id;
        String password = "lantern orchard pebble " + id;
        register("Fading Person" + id, member, "fader." + id + "@example.org", password);
        String word = "wombat" + id.replaceAll("[0-9]", "x");
        String forum = "fading-" + id;
        String topic = testHook("/test/forum/thread", Map.of("category", forum, "title", "A thread about " + word,
                "username", member, "posts", "2"));
        List<String> pages = List.of(topic, "/c/" + forum, "/search?q=" + word);
        signIn(member, password);
        open("/account");
        driver.findElement(By.id("deactivateLink")).click();
        awaitLoaded();
        type("deactivate:currentPassword", password);

        Map<String, Long> rendered = new HashMap<>();
        long cached = cacheAll(pages, member, true, rendered);
        driver.findElement(By.id("deactivate:submit")).click();
        waitUpTo(Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().endsWith("/deactivated"));
        for (String path : pages) {
            HttpResponse<String> after = fetch(path, rendered);
            assertEquals(200, after.statusCode(), path);
            assertEquals("miss", state(after), "the deactivation evicted " + path);
            assertTrue(after.body().contains(">" + member + "<"), "the username stays on " + path);
            assertFalse(after.body().contains("/u/" + member + "\""), "without a link to the profile page that is gone: " + path);
        }
        assertStillFresh(cached);

        signIn(member, password);
        assertTrue(driver.getCurrentUrl().contains("/reactivate"), driver.getCurrentUrl());
        cached = cacheAll(pages, member, false, rendered);
        driver.findElement(By.id("reactivate:submit")).click();
        waitUpTo(Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().contains("/reactivate"));
        for (String path : pages) {
            HttpResponse<String> after = fetch(path, rendered);
            assertEquals("miss", state(after), "the reactivation evicted " + path);
            assertTrue(after.body().contains("/u/" + member + "\""), "the username links to the profile again: " + path);
        }
        assertStillFresh(cached);

        String renamed = "renamed" + id;
        open("/account");
        type("usernameForm:username", renamed);
        cached = cacheAll(pages, member, true, rendered);
        driver.findElement(By.id("usernameForm:save")).click();
        waitUpTo(Duration.ofSeconds(20)).until(d -> d.getPageSource().contains("Your username is saved."));
        for (String path : pages) {
            HttpResponse<String> after = fetch(path, rendered);
            assertEquals("miss", state(after), "the new username evicted " + path);
            assertTrue(after.body().contains(">" + renamed + "<") && after.body().contains("/u/" + renamed + "\""),
                    "the new username, linked: " + path);
            assertFalse(after.body().contains(">" + member + "<"), "the old one is gone: " + path);
        }
        assertStillFresh(cached);
        driver.manage().deleteAllCookies();
    }

    /**
     * Makes sure each page has a copy in the cache (the second request is a hit) showing the member with or
     * without a link, and returns when the oldest of those copies began to render: they are fresh until
     * 5 s after that.
     */
    private long cacheAll(List<String> pages, String member, boolean linked, Map<String, Long> rendered) throws Exception {
        for (String path : pages) {
            assertEquals(200, fetch(path, rendered).statusCode(), path);
            HttpResponse<String> second = get(path, null);
            assertEquals("hit", state(second), "cached: " + path);
            assertEquals(linked, second.body().contains("/u/" + member + "\""), "linked " + linked + ": " + path);
        }
        return pages.stream().mapToLong(rendered::get).min().orElseThrow();
    }

    /**
     * An anonymous GET that notes, for a page rendered by it ({@code miss}), when it was sent: its copy
     * cannot be older than that (no other anonymous reader asks for these pages).
     */
    private HttpResponse<String> fetch(String path, Map<String, Long> rendered) throws Exception {
        long sent = System.nanoTime();
        HttpResponse<String> response = get(path, null);
        if ("miss".equals(state(response))) {
            rendered.put(path, sent);
        }
        return response;
    }

    /** The checks just made could only pass because of the eviction: without it, a copy this young is a hit. */
    private static void assertStillFresh(long cachedSince) {
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cachedSince);
        assertTrue(millis < 5_000, "too slow to tell (" + millis + " ms): the copies had expired by themselves");
    }

    @Test
    void aRequestWithinASessionIsNeverAnsweredFromOrKeptInTheCache_P_FORUM_1() throws Exception {
        String[] seeded = seed();
        String cached = seeded[2];
        get(cached, null);
        assertEquals("hit", get(cached, null).headers().firstValue(CACHE).orElse(""));

        HttpResponse<String> signIn = get("/sign-in", null);
        String session = signIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        String fresh = seeded[3];
        for (String path : List.of(cached, fresh, fresh)) {
            HttpResponse<String> withSession = get(path, session);
            assertEquals(200, withSession.statusCode());
            assertEquals("bypass", withSession.headers().firstValue(CACHE).orElse(""), "a session is never a hit");
        }
        assertEquals("miss", get(fresh, null).headers().firstValue(CACHE).orElse(""), "what a session saw was not kept");
        HttpResponse<String> unknownSession = get(cached, "JSESSIONID=no-such-session");
        assertEquals("bypass", unknownSession.headers().firstValue(CACHE).orElse(""), "any session cookie bypasses the cache");
    }

    /**
     * A forum page asked for under an address the forum does not link (a made-up query string, {@code ?page=1},
     * an escaped slug) is rendered for the reader but never kept, so a crawler cannot fill the cache with copies
     * of the same page and push the real pages out (decision 0017, addendum); the page under its own address
     * stays a hit.
     */
    @Test
    void aForumPageUnderAMadeUpAddressIsRenderedButNeverKept() throws Exception {
        String[] seeded = seed();
        String topic = seeded[2];
        get(topic, null);
        HttpResponse<String> hit = get(topic, null);
        assertEquals("hit", state(hit));
        String slug = topic.substring(topic.lastIndexOf('/') + 1);
        String escaped = topic.substring(0, topic.lastIndexOf('/') + 1) + "%" + Integer.toHexString(slug.charAt(0)) + slug.substring(1);
        String junk = "junk=" + UUID.randomUUID().toString().substring(0, 8);
        for (String madeUp : List.of(topic + "?" + junk, topic + "?page=1", escaped, seeded[3] + "?" + junk, "/forums?" + junk)) {
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> response = get(madeUp, null);
                assertEquals(200, response.statusCode(), madeUp);
                assertEquals("bypass", state(response), "rendered each time, never kept: " + madeUp);
            }
        }
        assertTrue(get(escaped, null).body().contains("Caring for a "), "it is the topic's page");
        HttpResponse<String> stillHit = get(topic, null);
        assertEquals("hit", state(stillHit), "the page under its own address is still kept");
        assertEquals(hit.body(), stillHit.body());
    }

    @Test
    void aNotFoundPageIsNeverKept() throws Exception {
        String missing = "/t/999999999999/no-such-topic";
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> response = get(missing, null);
            assertEquals(404, response.statusCode());
            assertEquals("miss", response.headers().firstValue(CACHE).orElse(""), "a 404 is rendered each time");
            assertEquals(List.of(), response.headers().allValues("Set-Cookie"));
        }
        HttpResponse<String> badPage = get("/c/no-such-forum-" + UUID.randomUUID().toString().substring(0, 8), null);
        assertEquals(404, badPage.statusCode());
    }

    /**
     * A public forum with a topic by a new member ({@code /test/forum/seed}): the member's username, the
     * topic's id, the topic's address and the forum's address.
     */
    private String[] seed() throws Exception {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String[] seeded = testHook("/test/forum/seed", Map.of("id", id, "word", "heron" + id.replaceAll("[0-9]", "x"),
                "name", "Cache Seed" + id, "email", "cache.seed." + id + "@example.org")).split("\n");
        return new String[] {seeded[0], seeded[1], seeded[2], "/c/search-" + id};
    }

    /** Longer than colloquy.page-cache.seconds (5 s): the copy has expired but may still be sent stale. */
    private static final long EXPIRED_MILLIS = 5_500;

    /** The same anonymous GET sent n times at once, on as many connections. */
    private List<HttpResponse<String>> together(String path, int n) throws Exception {
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sent.add(http.sendAsync(HttpRequest.newBuilder(portal.uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> response : sent) {
            responses.add(response.get(60, TimeUnit.SECONDS));
        }
        return responses;
    }

    private static String state(HttpResponse<String> response) {
        return response.headers().firstValue(CACHE).orElse("");
    }

    private static String states(List<HttpResponse<String>> responses) {
        return responses.stream().map(AnonymousPageCacheIT::state).toList().toString();
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(portal.uri(path)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
