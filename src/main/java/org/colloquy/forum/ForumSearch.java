package org.colloquy.forum;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.colloquy.account.MemberDirectory;
import org.colloquy.platform.config.DatabaseKind;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.persistence.DatabaseMigrator;
import org.colloquy.platform.security.Caller;
import org.colloquy.platform.validation.InvalidInputException;

/**
 * Full-text search over topic titles and post texts, for the search page ({@code /search?q=}). Results
 * are posts: a post whose topic's title matches (the topic's first post) ranks above one whose text
 * matches; 20 a page in a stable order. Only what the caller may read is found: members-only forums
 * for signed-in members only, deleted posts never. Authors are shown by username only (P-FORUM-1), and
 * titles and snippets are escaped HTML in which only the matched words are marked ({@link Snippets}).
 * PostgreSQL searches with its full-text index, H2 with a simpler fallback (decision 0014).
 */
@Stateless
@PermitAll
public class ForumSearch {

    public static final int RESULTS_PER_PAGE = 20;

    /** The longest query accepted, in characters. */
    public static final int MAX_QUERY_LENGTH = 200;

    /** The most words the H2 fallback looks for. */
    static final int MAX_WORDS = 8;

    /** About how long a snippet is on H2 (PostgreSQL's ts_headline counts words instead). */
    static final int SNIPPET_CHARS = 220;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    /** One search result (see {@link ForumSearch}); {@code author} is null for a former member. */
    public record Hit(String titleHtml, String path, int postNumber, String categoryName, String author, OffsetDateTime postedAt,
            String snippetHtml) {
    }

    /**
     * One page (1-based) of results, and how many there are in all; when {@code more}, there are more
     * than {@link #COUNTED} matches and {@code total} is only how many were ranked (the best of the newest).
     */
    public record Results(String query, List<Hit> hits, int page, int pages, int total, boolean more, Set<String> withoutPage) {

        /** How many matches are counted at most: above it the page says "more than". */
        public int counted() {
            return COUNTED;
        }
    }

    /** Above this many matches, the page says "more than" rather than a number nobody counted. */
    public static final int COUNTED = ForumSearchRepository.CANDIDATES;

    @Inject
    private ForumSearchRepository search;

    @Inject
    private MemberDirectory directory;

    @Inject
    private Caller caller;

    @Inject
    private DatabaseMigrator database;

    /**
     * One page of results for what a reader typed. A page past the last gives the first.
     *
     * @throws InvalidInputException under {@code q} for an empty query, a query over
     *         {@value #MAX_QUERY_LENGTH} characters, or one without a word to look for
     */
    public Results search(String query, int page) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            throw new InvalidInputException(Map.of("q", Texts.get("search.q.required")));
        }
        if (q.length() > MAX_QUERY_LENGTH) {
            throw new InvalidInputException(Map.of("q", Texts.get("search.q.tooLong", MAX_QUERY_LENGTH, q.length())));
        }
        List<String> words = words(q);
        if (words.isEmpty()) {
            throw new InvalidInputException(Map.of("q", Texts.get("search.q.noWords")));
        }
        int pageNumber = Math.max(1, page);
        int first = (pageNumber - 1) * RESULTS_PER_PAGE;
        boolean members = caller.memberId().isPresent();
        boolean postgresql = database.databaseKind() == DatabaseKind.POSTGRESQL;
        ForumSearchRepository.Hits hits = postgresql
                ? search.searchPostgresql(q, members, first, RESULTS_PER_PAGE)
                : search.searchH2(words, members, first, RESULTS_PER_PAGE);
        if (hits.hits().isEmpty() && pageNumber > 1) {
            // A page past the last (the results changed, or the address was edited): the first page.
            return search(q, 1);
        }
        if (hits.total() == 0 && postgresql && !search.hasLexemesPostgresql(q)) {
            throw new InvalidInputException(Map.of("q", Texts.get("search.q.noWords")));
        }
        Map<Long, Object[]> rows = search.postsWithTopics(hits.hits().stream().map(ForumSearchRepository.Hit::postId).toList());
        MemberDirectory.Authors named = directory.authors(rows.values().stream().map(r -> ((Post) r[0]).authorId()).toList());
        Map<Long, String> names = named.usernames();
        List<Hit> results = new ArrayList<>();
        for (ForumSearchRepository.Hit hit : hits.hits()) {
            Object[] row = rows.get(hit.postId());
            if (row == null) {
                continue;
            }
            Post post = (Post) row[0];
            Topic topic = (Topic) row[1];
            ForumCategory category = (ForumCategory) row[2];
            String title = hit.markedTitle() != null ? hit.markedTitle() : Snippets.mark(topic.title(), words, 0);
            String text = hit.markedText() != null ? hit.markedText() : Snippets.mark(post.bodyText(), words, SNIPPET_CHARS);
            results.add(new Hit(Snippets.toHtml(title), topic.path(post.page()) + "#post-" + post.number(), post.number(), category.name(),
                    names.get(post.authorId()), post.createdAt(), Snippets.toHtml(text)));
        }
        int pages = Math.max(1, (hits.total() + RESULTS_PER_PAGE - 1) / RESULTS_PER_PAGE);
        return new Results(q, results, pageNumber, pages, hits.total(), hits.more(), named.withoutPage());
    }

    /** The distinct lower-case words of a query, at most {@value #MAX_WORDS}, for H2 and to tell a query without any. */
    static List<String> words(String query) {
        Set<String> words = new LinkedHashSet<>();
        Matcher m = WORD.matcher(query.toLowerCase(Locale.ROOT));
        while (m.find() && words.size() < MAX_WORDS) {
            words.add(m.group());
        }
        return List.copyOf(words);
    }
}
