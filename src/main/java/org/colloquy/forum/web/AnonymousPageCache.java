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
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.colloquy.account.PublicMemberChanged;
import org.colloquy.forum.ForumChanged;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This node's short-lived copies of the forum pages anonymous readers get (a micro-cache, see
 * docs/decisions/0017-anonymous-page-cache.md), search result pages included (decision 0049):
 * status, headers and bytes by address, each answered for at most {@code colloquy.page-cache.seconds}
 * (0 turns the cache off). A change to the forums committed on this node evicts the pages it touches
 * at once, and every search page; other nodes keep theirs until they expire. Bounded by a number of
 * pages and a number of bytes, the least recently used page going first; search pages, whose
 * addresses anyone can vary at will, by a smaller number of their own
 * ({@code colloquy.page-cache.max-search-pages}), so that a crawler trying query after query only
 * ever replaces other search pages and never pushes the forum pages out. A forum page is kept only
 * under the address the forum links it by ({@link #isLinkedAddress}): made-up query strings and
 * spellings of a path are rendered, never kept.
 * <p>
 * A committed change to how a member is shown by username ({@link PublicMemberChanged}: a new
 * username, a deactivation, a reactivation) evicts every page, since any of them may show the member.
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

    /** The search page's path (its keys are this, the raw query string, and whether it came over HTTPS). */
    static final String SEARCH = "/search";

    /** What a key ends with when the page came over HTTPS (see {@code AnonymousPageCacheFilter.key}). */
    private static final String HTTPS = " https";

    /**
     * A forum page's address as the forum writes it in its links: the list, a category or a topic
     * (slugs as {@code ForumPageServlet} and {@code Slugs} make them), page 1 without a query string
     * and any later page as {@code ?page=N}.
     */
    private static final Pattern LINKED = Pattern.compile(
            "/forums|(/c/[a-z0-9-]{1,40}|/t/[1-9][0-9]{0,17}/[a-z0-9-]{1,80})(\\?page=([2-9]|[1-9][0-9]{1,6}))?");

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
     * Search pages kept at most, counted within {@link #maxPages} as well; the least recently used
     * search page makes room for a new one. 0 keeps no search page (each search renders).
     */
    @Inject
    @ConfigProperty(name = "colloquy.page-cache.max-search-pages", defaultValue = "100")
    int maxSearchPages;

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

    /** How many of {@link #pages} are search pages. Guarded by {@link #pages}. */
    private int searchPages;

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

    /** Whether the key is the address of a search result page ({@code /search?q=...}), with or without HTTPS. */
    static boolean isSearch(String key) {
        return key.equals(SEARCH) || key.startsWith(SEARCH + "?") || key.startsWith(SEARCH + " ");
    }

    /**
     * Whether the key is an address whose copy may be kept: a search page (any query; they have their
     * own cap), or a forum page under the address the forum links it by. Anything else a reader (or a
     * crawler) may send and still get the page for, such as {@code /t/5/slug?junk=1},
     * {@code /forums?x=1}, {@code ?page=1}, {@code /t/5/%73lug} or {@code /t/5/slug;x}, is rendered
     * each time and never kept, so made-up addresses cannot push the real pages out of the cache.
     */
    static boolean isLinkedAddress(String key) {
        String address = key.endsWith(HTTPS) ? key.substring(0, key.length() - HTTPS.length()) : key;
        return isSearch(address) || LINKED.matcher(address).matches();
    }

    /**
     * Whether a copy of this page may be kept at all: under an address the forum links
     * ({@link #isLinkedAddress}), and not a search page when search pages are kept at most 0.
     */
    private boolean keeps(String key) {
        return isLinkedAddress(key) && (maxSearchPages > 0 || !isSearch(key));
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
        if (!isOn() || !keeps(key)) {
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
            if (page != null && isOn() && page.body().length <= maxPageBytes && generation.get() == flight.generation
                    && store(flight.key, page)) {
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

    /**
     * Stores the page, dropping the least recently used ones beyond the bounds: for a search page
     * first the least recently used search pages beyond {@link #maxSearchPages}, then any page beyond
     * the cache's bounds. Holding {@link #pages}.
     *
     * @return whether the page was stored (not a search page while no search page is kept)
     */
    private boolean store(String key, Page page) {
        if (!keeps(key)) {
            return false;
        }
        remove(key);
        boolean search = isSearch(key);
        if (search && searchPages >= maxSearchPages) {
            Iterator<Map.Entry<String, Page>> eldest = pages.entrySet().iterator();
            while (searchPages >= maxSearchPages && eldest.hasNext()) {
                Map.Entry<String, Page> entry = eldest.next();
                if (isSearch(entry.getKey())) {
                    eldest.remove();
                    forgotten(entry.getKey(), entry.getValue());
                }
            }
        }
        pages.put(key, page);
        bytes += page.body().length;
        if (search) {
            searchPages++;
        }
        Iterator<Map.Entry<String, Page>> eldest = pages.entrySet().iterator();
        while ((pages.size() > maxPages || bytes > maxBytes) && eldest.hasNext()) {
            Map.Entry<String, Page> entry = eldest.next();
            eldest.remove();
            forgotten(entry.getKey(), entry.getValue());
        }
        return pages.containsKey(key);
    }

    /**
     * Evicts what a committed change touches: the topic's pages, every category page and the forum
     * list (they show latest activity and counts), and every search page (any post, title, author or
     * forum shown in results may be the one that changed, or may now match). A category change
     * evicts everything. The forum fires a change for every topic whose posts show a member
     * differently when an account is deleted ({@code ForumWriter.formerMember}), so search pages
     * follow that too.
     */
    void evict(@Observes(during = TransactionPhase.AFTER_SUCCESS) ForumChanged change) {
        if (change.topicId() == null) {
            evictAll();
            return;
        }
        synchronized (pages) {
            generation.incrementAndGet();
            String topic = "/t/" + change.topicId();
            Iterator<Map.Entry<String, Page>> all = pages.entrySet().iterator();
            while (all.hasNext()) {
                Map.Entry<String, Page> entry = all.next();
                String key = entry.getKey();
                boolean otherTopic = key.startsWith("/t/") && !(key.startsWith(topic + "/") || key.startsWith(topic + "?")
                        || key.startsWith(topic + " ") || key.equals(topic));
                // Not another topic's page: this topic's, /forums, /c/* and /search pages all go.
                if (!otherTopic) {
                    all.remove();
                    forgotten(key, entry.getValue());
                }
            }
        }
    }

    /**
     * Evicts every page when a committed change alters how a member is shown by username: a new
     * username, or a deactivation or reactivation, which takes the link to their page away or brings
     * it back (P-ACCOUNT-2). Any forum or search page may show the member (as an author, the latest
     * poster of a topic, a search hit), and the cache does not know which, so all go: such changes
     * are rare, and each page renders once more. Like a forum change, it stops a page that began
     * rendering before it from being stored or handed to those waiting.
     */
    void evict(@Observes(during = TransactionPhase.AFTER_SUCCESS) PublicMemberChanged change) {
        evictAll();
    }

    private void evictAll() {
        synchronized (pages) {
            generation.incrementAndGet();
            pages.clear();
            bytes = 0;
            searchPages = 0;
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

    /** How many search pages are kept (for tests). */
    int searchSize() {
        synchronized (pages) {
            return searchPages;
        }
    }

    private void remove(String key) {
        Page old = pages.remove(key);
        if (old != null) {
            forgotten(key, old);
        }
    }

    /** Counts a page out that just left {@link #pages}. Holding {@link #pages}. */
    private void forgotten(String key, Page page) {
        bytes -= page.body().length;
        if (isSearch(key)) {
            searchPages--;
        }
    }
}
