package org.colloquy.forum.web;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.colloquy.forum.ForumChanged;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This node's short-lived copies of the forum pages anonymous readers get (a micro-cache, see
 * docs/decisions/0017-anonymous-page-cache.md): status, headers and bytes by address, each
 * answered for at most {@code colloquy.page-cache.seconds} (0 turns the cache off). A change to
 * the forums committed on this node evicts the pages it touches at once; other nodes keep theirs
 * until they expire. Bounded by a number of pages and a number of bytes, the least recently used
 * page going first.
 */
@ApplicationScoped
public class AnonymousPageCache {

    /** A page as it was sent: status, headers in order (each with all its values), body. */
    public record Page(long storedAt, int status, List<Map.Entry<String, List<String>>> headers, byte[] body) {
    }

    @Inject
    @ConfigProperty(name = "colloquy.page-cache.seconds", defaultValue = "5")
    int seconds;

    @Inject
    @ConfigProperty(name = "colloquy.page-cache.max-pages", defaultValue = "500")
    int maxPages;

    @Inject
    @ConfigProperty(name = "colloquy.page-cache.max-page-bytes", defaultValue = "524288")
    int maxPageBytes;

    @Inject
    @ConfigProperty(name = "colloquy.page-cache.max-bytes", defaultValue = "33554432")
    long maxBytes;

    /** Access-ordered: the eldest is the least recently used. Guarded by itself. */
    private final LinkedHashMap<String, Page> pages = new LinkedHashMap<>(64, 0.75f, true);

    private long bytes;

    /** Counts evictions, so that a page rendered before a change is not stored after it. */
    private final AtomicLong generation = new AtomicLong();

    public boolean isOn() {
        return seconds > 0;
    }

    /** The generation to hand back to {@link #put} with a page rendered from now on. */
    public long generation() {
        return generation.get();
    }

    boolean fits(long length) {
        return length <= maxPageBytes;
    }

    /** The page stored under the key if it is younger than the time to live. */
    public Optional<Page> get(String key, long now) {
        if (!isOn()) {
            return Optional.empty();
        }
        synchronized (pages) {
            Page page = pages.get(key);
            if (page == null) {
                return Optional.empty();
            }
            if (now - page.storedAt() >= seconds * 1_000_000_000L) {
                remove(key);
                return Optional.empty();
            }
            return Optional.of(page);
        }
    }

    /** Stores the page unless something was evicted since it began to render, or it is too big. */
    public void put(String key, Page page, long renderedInGeneration) {
        if (!isOn() || page.body().length > maxPageBytes) {
            return;
        }
        synchronized (pages) {
            if (generation.get() != renderedInGeneration) {
                return;
            }
            remove(key);
            pages.put(key, page);
            bytes += page.body().length;
            Iterator<Map.Entry<String, Page>> eldest = pages.entrySet().iterator();
            while ((pages.size() > maxPages || bytes > maxBytes) && eldest.hasNext()) {
                bytes -= eldest.next().getValue().body().length;
                eldest.remove();
            }
        }
    }

    /**
     * Evicts what a committed change touches: the topic's pages, and every category page and the
     * forum list (they show latest activity and counts). A category change evicts everything.
     */
    void evict(@Observes(during = TransactionPhase.AFTER_SUCCESS) ForumChanged change) {
        synchronized (pages) {
            generation.incrementAndGet();
            if (change.topicId() == null) {
                pages.clear();
                bytes = 0;
                return;
            }
            String topic = "/t/" + change.topicId();
            Iterator<Map.Entry<String, Page>> all = pages.entrySet().iterator();
            while (all.hasNext()) {
                Map.Entry<String, Page> entry = all.next();
                String key = entry.getKey();
                boolean touched = key.startsWith(topic + "/") || key.startsWith(topic + "?") || key.startsWith(topic + " ") || key.equals(topic)
                        || !key.startsWith("/t/");
                if (touched) {
                    bytes -= entry.getValue().body().length;
                    all.remove();
                }
            }
        }
    }

    public int size() {
        synchronized (pages) {
            return pages.size();
        }
    }

    private void remove(String key) {
        Page old = pages.remove(key);
        if (old != null) {
            bytes -= old.body().length;
        }
    }
}
