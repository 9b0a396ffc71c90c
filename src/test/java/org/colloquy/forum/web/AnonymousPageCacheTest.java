package org.colloquy.forum.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.colloquy.account.PublicMemberChanged;
import org.colloquy.forum.ForumChanged;
import org.junit.jupiter.api.Test;

/**
 * The cache's own rules (decisions 0017, 0018 and 0049): time to live, off switch, memory bounds, eviction,
 * one rendering at a time, the separate bound of search pages, forum pages kept only under the addresses the
 * forum links, and eviction of everything when how a member is shown changes (0017, addendum).
 */
class AnonymousPageCacheTest {

    private static final long SECOND = 1_000_000_000L;

    private static AnonymousPageCache cache(int seconds, int maxPages, int maxPageBytes, long maxBytes) {
        return cache(seconds, maxPages, maxPageBytes, maxBytes, maxPages);
    }

    private static AnonymousPageCache cache(int seconds, int maxPages, int maxPageBytes, long maxBytes, int maxSearchPages) {
        AnonymousPageCache cache = new AnonymousPageCache();
        cache.seconds = seconds;
        cache.maxPages = maxPages;
        cache.maxPageBytes = maxPageBytes;
        cache.maxBytes = maxBytes;
        cache.maxSearchPages = maxSearchPages;
        cache.waitMillis = 2000;
        return cache;
    }

    private static AnonymousPageCache.Page page(long at, int size) {
        return new AnonymousPageCache.Page(at, 200, List.of(), new byte[size]);
    }

    @Test
    void aPageIsAnsweredForTheTimeToLiveOnly() {
        AnonymousPageCache cache = cache(5, 10, 1000, 10_000);
        cache.put("/t/1/a", page(0, 10), cache.generation());
        assertTrue(cache.get("/t/1/a", 5 * SECOND - 1).isPresent());
        assertFalse(cache.get("/t/1/a", 5 * SECOND).isPresent(), "expired after 5 s");
        assertEquals(1, cache.size(), "kept as a stale copy");
        assertEquals(AnonymousPageCache.State.RENDER, cache.lookup("/t/1/a", 10 * SECOND, true).state(),
                "10 s old: too old even to be sent while another request renders");
        assertEquals(0, cache.size(), "and dropped");
    }

    @Test
    void zeroSecondsTurnsTheCacheOff() {
        AnonymousPageCache cache = cache(0, 10, 1000, 10_000);
        assertFalse(cache.isOn());
        cache.put("/t/1/a", page(0, 10), cache.generation());
        assertFalse(cache.get("/t/1/a", 0).isPresent());
    }

    @Test
    void memoryIsBoundedByPagesBytesAndPageSize() {
        AnonymousPageCache cache = cache(5, 2, 100, 150);
        cache.put("/t/1/a", page(0, 60), cache.generation());
        cache.put("/t/2/b", page(0, 60), cache.generation());
        cache.get("/t/1/a", 0);
        cache.put("/t/3/c", page(0, 60), cache.generation());
        assertTrue(cache.get("/t/1/a", 0).isPresent(), "recently used stays");
        assertFalse(cache.get("/t/2/b", 0).isPresent(), "least recently used goes");
        cache.put("/t/4/d", page(0, 101), cache.generation());
        assertFalse(cache.get("/t/4/d", 0).isPresent(), "too big to keep");
        cache.put("/t/5/e", page(0, 100), cache.generation());
        assertEquals(1, cache.size(), "160 bytes would exceed 150: only the newest stays");
    }

    @Test
    void aChangeEvictsItsTopicTheForumPagesAndListAndStopsOlderRenderings() {
        AnonymousPageCache cache = cache(5, 10, 1000, 10_000);
        long before = cache.generation();
        for (String key : List.of("/t/12/a", "/t/12/a?page=2", "/t/12/a https", "/t/123/b", "/c/news", "/forums")) {
            cache.put(key, page(0, 1), before);
        }
        cache.evict(new ForumChanged(12L));
        assertEquals(1, cache.size());
        assertTrue(cache.get("/t/123/b", 0).isPresent(), "topic 123 is not topic 12");
        cache.put("/t/12/a", page(0, 1), before);
        assertFalse(cache.get("/t/12/a", 0).isPresent(), "rendered before the change: not kept");
        cache.evict(ForumChanged.categories());
        assertEquals(0, cache.size());
    }

    @Test
    void anExpiredCopyIsSentWhileExactlyOneRequestRendersTheNewOne() {
        AnonymousPageCache cache = cache(5, 10, 1000, 10_000);
        AnonymousPageCache.Page old = page(0, 10);
        cache.put("/t/1/a", old, cache.generation());
        long expired = 6 * SECOND;
        AnonymousPageCache.Lookup first = cache.lookup("/t/1/a", expired, true);
        assertEquals(AnonymousPageCache.State.RENDER, first.state(), "the first request after expiry renders");
        for (int i = 0; i < 5; i++) {
            AnonymousPageCache.Lookup other = cache.lookup("/t/1/a", expired + i, true);
            assertEquals(AnonymousPageCache.State.STALE, other.state(), "the others get the expired copy");
            assertSame(old, other.page());
        }
        assertEquals(AnonymousPageCache.State.STALE, cache.lookup("/t/1/a", expired, false).state(), "HEAD too");
        AnonymousPageCache.Page fresh = page(expired, 12);
        cache.finish(first.flight(), fresh);
        AnonymousPageCache.Lookup after = cache.lookup("/t/1/a", expired + 1, true);
        assertEquals(AnonymousPageCache.State.HIT, after.state());
        assertSame(fresh, after.page());
        assertEquals(0, cache.inFlight());
    }

    @Test
    void aFailedRenderingLetsTheNextRequestRenderAndWaitersGoOn() {
        AnonymousPageCache cache = cache(5, 10, 1000, 10_000);
        AnonymousPageCache.Lookup first = cache.lookup("/t/1/a", 0, true);
        AnonymousPageCache.Lookup waiting = cache.lookup("/t/1/a", 1, true);
        assertEquals(AnonymousPageCache.State.WAIT, waiting.state());
        cache.finish(first.flight(), null);
        assertTrue(cache.await(waiting.flight()).isEmpty(), "nothing to hand over: the waiter renders itself");
        assertEquals(AnonymousPageCache.State.RENDER, cache.lookup("/t/1/a", 2, true).state());
    }

    @Test
    void concurrentColdMissesRenderOnceAndTheOthersGetThatRendering() throws Exception {
        AnonymousPageCache cache = cache(5, 10, 1000, 10_000);
        int requests = 16;
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        CountDownLatch start = new CountDownLatch(1);
        // The rendering ends only once every other request has looked: all of them meet it in flight.
        CountDownLatch othersLooked = new CountDownLatch(requests - 1);
        AtomicInteger renders = new AtomicInteger();
        AnonymousPageCache.Page rendered = page(0, 10);
        try {
            List<Future<AnonymousPageCache.Page>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    AnonymousPageCache.Lookup lookup = cache.lookup("/t/1/a", 0, true);
                    switch (lookup.state()) {
                        case RENDER -> {
                            renders.incrementAndGet();
                            assertTrue(othersLooked.await(10, TimeUnit.SECONDS), "the other requests looked");
                            cache.finish(lookup.flight(), rendered);
                            return rendered;
                        }
                        case WAIT -> {
                            othersLooked.countDown();
                            return cache.await(lookup.flight()).orElseThrow();
                        }
                        default -> {
                            othersLooked.countDown();
                            throw new AssertionError(lookup.state());
                        }
                    }
                }));
            }
            start.countDown();
            for (Future<AnonymousPageCache.Page> answer : answers) {
                assertSame(rendered, answer.get(10, TimeUnit.SECONDS), "everyone gets the one rendering");
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, renders.get(), "rendered once for 16 simultaneous misses");
        assertEquals(0, cache.inFlight());
    }

    @Test
    void anEvictedPageIsNeverSentStaleNorHandedToWaiters() {
        AnonymousPageCache cache = cache(5, 10, 1000, 10_000);
        cache.put("/t/12/a", page(0, 10), cache.generation());
        cache.evict(new ForumChanged(12L));
        AnonymousPageCache.Lookup first = cache.lookup("/t/12/a", 6 * SECOND, true);
        assertEquals(AnonymousPageCache.State.RENDER, first.state(), "evicted: rendered, not sent stale");
        assertNull(first.page());
        AnonymousPageCache.Lookup waiting = cache.lookup("/t/12/a", 6 * SECOND, true);
        assertEquals(AnonymousPageCache.State.WAIT, waiting.state(), "no copy: wait for the rendering");

        cache.evict(new ForumChanged(12L));
        AnonymousPageCache.Lookup afterChange = cache.lookup("/t/12/a", 6 * SECOND, true);
        assertEquals(AnonymousPageCache.State.RENDER, afterChange.state(),
                "a rendering begun before the change is not waited for: a new one begins");
        cache.finish(first.flight(), page(6 * SECOND, 10));
        assertTrue(cache.await(waiting.flight()).isEmpty(), "nor handed to those who waited for it");
        assertFalse(cache.get("/t/12/a", 6 * SECOND).isPresent(), "nor kept");
        AnonymousPageCache.Page current = page(6 * SECOND, 11);
        cache.finish(afterChange.flight(), current);
        assertSame(current, cache.get("/t/12/a", 6 * SECOND).orElseThrow());
    }

    @Test
    void searchKeysAreTheSearchPageWithItsRawQuery() {
        for (String key : List.of("/search?q=owl", "/search?q=Owl+%C3%A9t%C3%A9&page=2", "/search", "/search https", "/search?q=owl https")) {
            assertTrue(AnonymousPageCache.isSearch(key), key);
        }
        for (String key : List.of("/searches", "/search-help", "/t/1/search", "/c/search", "/forums?search=owl")) {
            assertFalse(AnonymousPageCache.isSearch(key), key);
        }
    }

    @Test
    void searchPagesHaveTheirOwnCapAndTheLeastRecentlyUsedOfThemMakesRoom() {
        AnonymousPageCache cache = cache(5, 10, 1000, 10_000, 3);
        cache.put("/t/1/a", page(0, 10), cache.generation());
        cache.put("/t/2/b", page(0, 10), cache.generation());
        for (String q : List.of("a", "b", "c")) {
            cache.put("/search?q=" + q, page(0, 10), cache.generation());
        }
        assertTrue(cache.get("/search?q=a", 0).isPresent());
        cache.put("/search?q=d", page(0, 10), cache.generation());
        assertEquals(3, cache.searchSize());
        assertFalse(cache.get("/search?q=b", 0).isPresent(), "the least recently used search page made room");
        for (String key : List.of("/search?q=a", "/search?q=c", "/search?q=d", "/t/1/a", "/t/2/b")) {
            assertTrue(cache.get(key, 0).isPresent(), key + ": older forum pages stay, however old");
        }
        cache.put("/search?q=d", page(1, 10), cache.generation());
        assertEquals(3, cache.searchSize(), "the same query again replaces its copy, it does not count twice");
        assertEquals(5, cache.size());
    }

    @Test
    void aCrawlerTryingQueryAfterQueryNeverPushesTheForumPagesOut() {
        AnonymousPageCache cache = cache(5, 6, 1000, 10_000, 2);
        List<String> forumPages = List.of("/forums", "/c/news", "/t/1/a", "/t/2/b");
        for (String key : forumPages) {
            cache.put(key, page(0, 10), cache.generation());
        }
        for (int i = 0; i < 1000; i++) {
            AnonymousPageCache.Lookup lookup = cache.lookup("/search?q=word" + i, i, true);
            assertEquals(AnonymousPageCache.State.RENDER, lookup.state());
            cache.finish(lookup.flight(), page(i, 10));
        }
        for (String key : forumPages) {
            assertTrue(cache.get(key, 0).isPresent(), key + " is still kept");
        }
        assertEquals(2, cache.searchSize());
        assertEquals(6, cache.size());
        assertTrue(cache.get("/search?q=word999", 999).isPresent(), "the newest searches are kept");
        assertEquals(0, cache.inFlight());
    }

    @Test
    void searchPagesCountAgainstTheWholeCachesBounds() {
        AnonymousPageCache cache = cache(5, 3, 1000, 10_000, 2);
        cache.put("/t/1/a", page(0, 10), cache.generation());
        cache.put("/t/2/b", page(0, 10), cache.generation());
        cache.put("/search?q=a", page(0, 10), cache.generation());
        cache.put("/search?q=b", page(0, 10), cache.generation());
        assertEquals(3, cache.size(), "at most 3 pages in all");
        assertFalse(cache.get("/t/1/a", 0).isPresent(), "the least recently used page of all went");
        assertEquals(2, cache.searchSize());

        AnonymousPageCache small = cache(5, 10, 1000, 25, 5);
        small.put("/search?q=a", page(0, 10), small.generation());
        small.put("/search?q=b", page(0, 10), small.generation());
        small.put("/search?q=c", page(0, 10), small.generation());
        assertEquals(2, small.searchSize(), "30 bytes would exceed 25");
        assertFalse(small.get("/search?q=a", 0).isPresent());
    }

    @Test
    void noSearchPageIsKeptWhenTheirCapIsZero() {
        AnonymousPageCache cache = cache(5, 10, 1000, 10_000, 0);
        assertEquals(AnonymousPageCache.State.MISS, cache.lookup("/search?q=owl", 0, true).state(), "rendered, nothing claimed");
        cache.put("/search?q=owl", page(0, 10), cache.generation());
        assertFalse(cache.get("/search?q=owl", 0).isPresent());
        assertEquals(0, cache.inFlight());
        cache.put("/t/1/a", page(0, 10), cache.generation());
        assertTrue(cache.get("/t/1/a", 0).isPresent(), "forum pages are kept as before");
    }

    @Test
    void anyCommittedForumChangeEvictsEverySearchPageAndStopsOlderSearchRenderings() {
        AnonymousPageCache cache = cache(5, 10, 1000, 10_000, 3);
        long before = cache.generation();
        for (String key : List.of("/search?q=owl", "/search?q=owl&page=2", "/search?q=owl https", "/t/7/other")) {
            cache.put(key, page(0, 1), before);
        }
        AnonymousPageCache.Lookup rendering = cache.lookup("/search?q=heron", 0, true);
        assertEquals(AnonymousPageCache.State.RENDER, rendering.state());
        cache.evict(new ForumChanged(12L));
        assertEquals(0, cache.searchSize(), "a post in any topic may change any search's results");
        assertEquals(1, cache.size());
        assertTrue(cache.get("/t/7/other", 0).isPresent(), "another topic's page stays");
        AnonymousPageCache.Lookup evicted = cache.lookup("/search?q=owl", 6 * SECOND, true);
        assertEquals(AnonymousPageCache.State.RENDER, evicted.state(), "evicted: rendered anew, never sent stale");
        assertNull(evicted.page());
        cache.finish(rendering.flight(), page(0, 1));
        assertFalse(cache.get("/search?q=heron", 0).isPresent(), "a search rendered before the change is not kept");

        cache.finish(evicted.flight(), page(6 * SECOND, 1));
        cache.put("/search?q=a", page(6 * SECOND, 1), cache.generation());
        cache.put("/search?q=b", page(6 * SECOND, 1), cache.generation());
        assertEquals(3, cache.searchSize(), "the count followed the eviction: room for three again");
        cache.evict(ForumChanged.categories());
        assertEquals(0, cache.searchSize());
        assertEquals(0, cache.size());
    }

    @Test
    void onlyTheAddressesTheForumLinksAreKept() {
        for (String key : List.of("/forums", "/forums https", "/c/news", "/c/news-and-notes?page=2", "/t/12/a",
                "/t/12/how-to-start?page=3 https", "/t/123456789012345678/x?page=1234567", "/search?q=owl&junk=1", "/search")) {
            assertTrue(AnonymousPageCache.isLinkedAddress(key), key);
        }
        for (String key : List.of("/forums?x=random", "/forums?page=2", "/forums/", "/forums?", "/t/5/slug?junk=1",
                "/t/5/slug?page=2&junk=1", "/t/5/slug?junk=1&page=2", "/t/5/slug?page=1", "/t/5/slug?page=0",
                "/t/5/slug?page=02", "/t/5/slug?page=12345678", "/t/5/slug?page=", "/t/5/slug?", "/t/5/%73lug",
                "/t/5/slug;jsessionid=abc", "/t//5/slug", "/t/5", "/t/5/", "/t/05/slug", "/t/5/Slug", "/t/5/slug/more",
                "/c/news/", "/c/News", "/c/news?page=2 https?x", "/c/news?x=1 https", "/c/%6eews")) {
            assertFalse(AnonymousPageCache.isLinkedAddress(key), key);
        }
    }

    @Test
    void aCrawlersMadeUpAddressesAreRenderedButNeverKeptSoTheTopicPagesStay() {
        AnonymousPageCache cache = cache(5, 4, 1000, 10_000, 2);
        List<String> forumPages = List.of("/forums", "/c/news", "/t/1/a", "/t/2/b?page=2");
        for (String key : forumPages) {
            cache.put(key, page(0, 10), cache.generation());
        }
        for (int i = 0; i < 1000; i++) {
            String madeUp = List.of("/t/1/a?junk=", "/forums?x=", "/c/news?page=2&utm=", "/t/2/b?page=1&").get(i % 4) + i;
            AnonymousPageCache.Lookup lookup = cache.lookup(madeUp, i, true);
            assertEquals(AnonymousPageCache.State.MISS, lookup.state(), madeUp + ": rendered, nothing claimed");
            cache.put(madeUp, page(i, 10), cache.generation());
            assertFalse(cache.get(madeUp, i).isPresent(), madeUp + " is not kept");
        }
        for (String key : forumPages) {
            assertTrue(cache.get(key, 0).isPresent(), key + " is still kept");
        }
        assertEquals(4, cache.size());
        assertEquals(0, cache.inFlight());
    }

    @Test
    void aChangeOfHowAMemberIsShownEvictsEveryPageAndStopsOlderRenderings_P_ACCOUNT_2() {
        AnonymousPageCache cache = cache(5, 10, 1000, 10_000, 3);
        long before = cache.generation();
        for (String key : List.of("/forums", "/c/news", "/t/7/other", "/t/8/more?page=2 https", "/search?q=owl")) {
            cache.put(key, page(0, 1), before);
        }
        AnonymousPageCache.Lookup rendering = cache.lookup("/t/9/rendering", 0, true);
        assertEquals(AnonymousPageCache.State.RENDER, rendering.state());
        AnonymousPageCache.Lookup waiting = cache.lookup("/t/9/rendering", 1, true);
        assertEquals(AnonymousPageCache.State.WAIT, waiting.state());

        cache.evict(new PublicMemberChanged(42L));
        assertEquals(0, cache.size(), "any page may show the member: every page goes");
        assertEquals(0, cache.searchSize());
        AnonymousPageCache.Lookup evicted = cache.lookup("/t/7/other", 6 * SECOND, true);
        assertEquals(AnonymousPageCache.State.RENDER, evicted.state(), "evicted: rendered anew, never sent stale");
        assertNull(evicted.page());
        cache.finish(rendering.flight(), page(0, 1));
        assertTrue(cache.await(waiting.flight()).isEmpty(), "a page rendered before the change is not handed to those waiting");
        assertFalse(cache.get("/t/9/rendering", 1).isPresent(), "nor kept");
        cache.put("/c/news", page(0, 1), before);
        assertFalse(cache.get("/c/news", 1).isPresent(), "nor one put with the generation before the change");

        AnonymousPageCache.Page fresh = page(6 * SECOND, 2);
        cache.finish(evicted.flight(), fresh);
        assertSame(fresh, cache.get("/t/7/other", 6 * SECOND).orElseThrow(), "a page rendered after the change is kept");
    }
}
