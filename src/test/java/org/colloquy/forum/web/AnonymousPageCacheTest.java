package org.colloquy.forum.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.colloquy.forum.ForumChanged;
import org.junit.jupiter.api.Test;

/** The cache's own rules (decision 0017): time to live, off switch, memory bounds, eviction. */
class AnonymousPageCacheTest {

    private static final long SECOND = 1_000_000_000L;

    private static AnonymousPageCache cache(int seconds, int maxPages, int maxPageBytes, long maxBytes) {
        AnonymousPageCache cache = new AnonymousPageCache();
        cache.seconds = seconds;
        cache.maxPages = maxPages;
        cache.maxPageBytes = maxPageBytes;
        cache.maxBytes = maxBytes;
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
}
