package org.colloquy.forum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.colloquy.test.BrowserTest;
import org.junit.jupiter.api.Test;

/**
 * The micro-cache of anonymous forum pages (decision 0017), as a reader's client sees it over HTTP:
 * a second anonymous read is answered from memory with the same bytes and the same
 * Content-Security-Policy (its nonce matches the page's scripts), sets no cookie; a request within
 * a session is never answered from or kept in the cache (P-FORUM-1: nothing personal is shared); a
 * new post shows at once; a not-found page is never kept. After the copy expires one request
 * renders the page while the others get the expired copy, unless a change evicted it. Search result pages
 * likewise (decision 0049): an anonymous search is answered from memory, a new post evicts it, and a
 * signed-in member's search, which also finds members-only forums, is never answered from or kept in the
 * cache. The members are registered in a browser, the rest is plain HTTP.
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

    @Test
    void aRequestWithinASessionIsNeverAnsweredFromOrKeptInTheCache_P_FORUM_1() throws Exception {
        String cached = "/forums?from=" + UUID.randomUUID().toString().substring(0, 8);
        get(cached, null);
        assertEquals("hit", get(cached, null).headers().firstValue(CACHE).orElse(""));

        HttpResponse<String> signIn = get("/sign-in", null);
        String session = signIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        String fresh = "/forums?from=" + UUID.randomUUID().toString().substring(0, 8);
        for (String path : List.of(cached, fresh, fresh)) {
            HttpResponse<String> withSession = get(path, session);
            assertEquals(200, withSession.statusCode());
            assertEquals("bypass", withSession.headers().firstValue(CACHE).orElse(""), "a session is never a hit");
        }
        assertEquals("miss", get(fresh, null).headers().firstValue(CACHE).orElse(""), "what a session saw was not kept");
        HttpResponse<String> unknownSession = get(cached, "JSESSIONID=no-such-session");
        assertEquals("bypass", unknownSession.headers().firstValue(CACHE).orElse(""), "any session cookie bypasses the cache");
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
