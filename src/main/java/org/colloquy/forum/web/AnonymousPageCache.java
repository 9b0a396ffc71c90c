package org.colloquy.forum.web;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * <p>
 * At most one request of this node renders a page at a time ({@link #lookup}): when a copy has
 * expired, the first request renders the new one while the others get the expired copy for up to
 * {@code colloquy.page-cache.seconds} more (stale-while-revalidate); when there is no copy at all,
 * the others wait up to {@code colloquy.page-cache.wait-millis} for that one rendering. A copy
 * evicted by a change is gone, never served stale, and a rendering that began before a change is
 * neither stored nor handed to those waiting for it.
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

    /**
     * What {@link #lookup} tells the caller to do: {@code HIT} or {@code STALE} send {@link Lookup#page()};
     * {@code RENDER} renders and hands the result to {@link #finish}; {@code WAIT} waits for that
     * rendering with {@link #await}; {@code MISS} just renders (no copy will be kept from it).
     */
    public enum State {
        HIT, STALE, RENDER, WAIT, MISS
    }

    /** The answer of {@link #lookup}: the page to send (HIT, STALE) or the rendering in flight (RENDER, WAIT). */
    public record Lookup(State state, Page page, Flight flight) {
    }

    /** One rendering of a page in flight on this node, claimed by one request; others may wait for it. */
    public static final class Flight {
        final String key;
        final long generation;
        final long startedAt;
        final CompletableFuture<Page> result = new CompletableFuture<>();

        Flight(String key, long generation, long startedAt) {
            this.key = key;
            this.generation = generation;
            this.startedAt = startedAt;
        }

        /** The generation to store the page with (see {@link #put}). */
        public long generation() {
            return generation;
        }
    }

    @Inject
    @ConfigProperty(name = "colloquy.page-cache.wait-millis", defaultValue = "1000")
    int waitMillis;

    /** Access-ordered: the eldest is the least recently used. Guarded by itself. */
    private final LinkedHashMap<String, Page> pages = new LinkedHashMap<>(64, 0.75f, true);

    private long bytes;

    /** The renderings in flight by key. Guarded by {@link #pages}. */
    private final Map<String, Flight> flights = new HashMap<>();

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

    private long ttl() {
        return seconds * 1_000_000_000L;
    }

    /** The page stored under the key if it is younger than the time to live (a fresh copy). */
    public Optional<Page> get(String key, long now) {
        if (!isOn()) {
            return Optional.empty();
        }
        synchronized (pages) {
            Page page = pages.get(key);
            return page == null || now - page.storedAt() >= ttl() ? Optional.empty() : Optional.of(page);
        }
    }

    /**
     * What to do for a request of the page under the key, at {@code now} (nanoTime): send a fresh copy
     * ({@code HIT}); render the page, being the one request that does ({@code RENDER}); send the expired
     * copy while another request renders ({@code STALE}, at most the time to live past expiry); wait for
     * the rendering in flight when there is no copy ({@code WAIT}); or render without keeping a copy
     * ({@code MISS}, when {@code mayRender} is false, e.g. for HEAD, or the cache is off).
     */
    public Lookup lookup(String key, long now, boolean mayRender) {
        if (!isOn()) {
            return new Lookup(State.MISS, null, null);
        }
        synchronized (pages) {
            Page page = pages.get(key);
            if (page != null) {
                long age = now - page.storedAt();
                if (age < ttl()) {
                    return new Lookup(State.HIT, page, null);
                }
                if (age >= 2 * ttl()) {
                    remove(key);
                    page = null;
                }
            }
            Flight flight = flights.get(key);
            if (flight != null && (flight.generation != generation.get() || now - flight.startedAt >= abandonAfter())) {
                flights.remove(key);
                flight = null;
            }
            if (flight == null && mayRender) {
                flight = new Flight(key, generation.get(), now);
                flights.put(key, flight);
                return new Lookup(State.RENDER, page, flight);
            }
            if (page != null) {
                return new Lookup(State.STALE, page, null);
            }
            return flight == null ? new Lookup(State.MISS, null, null) : new Lookup(State.WAIT, null, flight);
        }
    }

    /** A rendering still in flight after this long is taken for lost and another request may claim the page. */
    private long abandonAfter() {
        return Math.max(ttl(), waitMillis * 1_000_000L);
    }

    /**
     * Ends the rendering the caller claimed with {@link #lookup}: stores the page (null if it could not
     * be kept) as {@link #put} does and hands it to those waiting, unless something was evicted since
     * it began. Call it in a finally block: those waiting are released in any case.
     */
    public void finish(Flight flight, Page page) {
        Page kept = null;
        synchronized (pages) {
            if (flights.get(flight.key) == flight) {
                flights.remove(flight.key);
            }
            if (page != null && isOn() && page.body().length <= maxPageBytes && generation.get() == flight.generation) {
                store(flight.key, page);
                kept = page;
            }
        }
        flight.result.complete(kept);
    }

    /** The page the rendering in flight produced, if it was kept and came within the wait; else empty (render it yourself). */
    public Optional<Page> await(Flight flight) {
        try {
            return Optional.ofNullable(flight.result.get(waitMillis, TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
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
            store(key, page);
        }
    }

    /** Stores the page, dropping the least recently used ones beyond the bounds. Holding {@link #pages}. */
    private void store(String key, Page page) {
        remove(key);
        pages.put(key, page);
        bytes += page.body().length;
        Iterator<Map.Entry<String, Page>> eldest = pages.entrySet().iterator();
        while ((pages.size() > maxPages || bytes > maxBytes) && eldest.hasNext()) {
            bytes -= eldest.next().getValue().body().length;
            eldest.remove();
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

    /** How many renderings are in flight (for tests). */
    int inFlight() {
        synchronized (pages) {
            return flights.size();
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
