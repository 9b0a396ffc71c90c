package org.colloquy.forum;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

/**
 * The forum's reads for search and feeds, for {@link ForumSearch} and {@link ForumFeeds} only. Search
 * is a native query per database (decision 0014): PostgreSQL's full-text search over the generated
 * {@code search_vector} columns and their GIN indexes, with {@code ts_headline} marking the matches;
 * on H2 a {@code LIKE} per word over lower-cased text. Both take at most {@link #CANDIDATES} of the
 * newest matching posts and, as many, of the newest matching titles, rank those, and page through them,
 * so that a query costs the same on a million posts as on a thousand; when there are more matches
 * than that, they say so instead of counting them. Deleted posts never match. PostgreSQL looks for the
 * newest matches in windows of post ids, newest first, and reads an older window only when the newer
 * ones held too few (decision 0051): the same candidates, without reading every match of a word. The
 * first window is sized by PostgreSQL's estimate of the matches, and a query expected to match few
 * posts is read in one scan (decision 0053).
 */
@ApplicationScoped
public class ForumSearchRepository {

    /** How many of the newest matching posts (and, as many, titles) are ranked. */
    static final int CANDIDATES = 500;

    /** One result of a page: the post, whether its topic's title matched, and the marked title and text when the database marked them. */
    record Hit(long postId, boolean titleHit, String markedTitle, String markedText) {
    }

    /**
     * A page of results, how many candidates were ranked (at most about twice {@link #CANDIDATES}),
     * and whether there are more than {@link #CANDIDATES} matches (then nobody counted them all).
     */
    record Hits(List<Hit> hits, int total, boolean more) {
    }

    /*
     * The candidate queries name the tsquery in their WHERE, not through the CTE: only then does the
     * planner see the words and estimate how many rows match. For a common word it walks the primary
     * key backwards and stops after 500 matches; for a rare one it reads the GIN index. Through the
     * CTE it read every match of a common word (400 ms instead of 10 ms on 200,000 posts).
     */

    /** The control characters of {@link Snippets} as SQL, for ts_headline's options. */
    private static final String MARKS = "'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', ' || ";

    /**
     * A text for ts_headline: its parser takes {@code <b>} or {@code <script>} for tags and leaves them
     * out of the headline, so angle brackets go in as two other control characters and come back as
     * text in {@link Snippets#toHtml}.
     */
    private static String angles(String column) {
        return "translate(" + column + ", '<>', chr(4) || chr(5))";
    }

    /**
     * Up to this many matches by PostgreSQL's estimate, a search reads all its matches in one scan rather
     * than window by window (decision 0053): each window reads the words' GIN entries again, which for a
     * few matches costs more than reading them all once.
     */
    static final double ONE_SCAN_MATCHES = 2_000;

    /**
     * The first window is sized to hold this many times the candidates by the estimate (decision 0053),
     * so that most searches read one window; each further window holds as many posts as all before it.
     */
    static final double FIRST_WINDOW_MARGIN = 1.2;

    /** The fewest post ids a first window holds (a word in nearly every post still needs a few hundred). */
    static final long SMALLEST_WINDOW = 1_000;

    /**
     * Up to this many topics a reader may not search (members-only forums for anonymous readers,
     * workgroup areas for everyone), the candidates are tested against a hashed list of them; above
     * it, each candidate's topic and forum are looked up, as a join. Both find the same posts
     * (decision 0051); the list is rebuilt for each window searched, so it only pays while short.
     */
    static final long HIDDEN_TOPICS_LISTED = 5_000;

    /*
     * One statement before the search, in the search's transaction: a plan for these words, never a
     * generic one (the driver prepares a statement on the server after a few uses, and PostgreSQL may
     * then plan it once for any words; that plan cannot know whether the words are rare or common, and
     * the one it chose on 1M posts read every match of a common word: 2.7 s instead of 5 ms); no
     * parallel workers, so that the windows are searched one after the other, newest first, and the
     * search stops with the window that completes the candidates; the newest post's id, where the
     * windows are cut; how many topics this reader may not search.
     */
    private static final String PREPARE = """
            SELECT set_config('plan_cache_mode', 'force_custom_plan', true),
                   set_config('max_parallel_workers_per_gather', '0', true),
                   (SELECT coalesce(max(id), 0) FROM forum_post),
                   (SELECT coalesce(sum(topic_count), 0) FROM forum_category c
                    WHERE c.audience_key IS NOT NULL OR NOT (?1 OR c.visibility = 'PUBLIC'))
            """;

    /*
     * The newest CANDIDATES + 1 matching posts, searched window by window (decision 0051): each window
     * a range of post ids, newest first, each with its own LIMIT, in a UNION ALL under one LIMIT. The
     * Append runs its branches in order and stops as soon as the LIMIT has its rows, so a window is
     * read only when the newer ones held too few matches. Within a window PostgreSQL intersects the
     * word's GIN bitmap with the range (a BRIN index on id, V41), so a word reads the rows of its
     * matches in the windows it needed, not in the whole table; a common word still walks the primary
     * key backwards. The candidates are exactly the newest matches, as without windows.
     */
    private static final String MATCH = "p.search_vector @@ websearch_to_tsquery('english', ?1) AND NOT p.deleted AND p.review_state = 'VISIBLE'";

    /** The posts a reader may search, with the list of hidden topics ({@code hidden} in the query). */
    private static final String LISTED = " FROM forum_post p WHERE " + MATCH + " AND p.topic_id NOT IN (SELECT id FROM hidden)";

    /** The posts a reader may search, each looked up with its topic and forum. */
    private static final String JOINED = " FROM forum_post p JOIN forum_topic t ON t.id = p.topic_id JOIN forum_category c ON c.id = t.category_id"
            + " WHERE " + MATCH + " AND (?2 OR c.visibility = 'PUBLIC') AND c.audience_key IS NULL";

    private static final String HIDDEN = """
            hidden AS MATERIALIZED (
                SELECT t.id FROM forum_topic t JOIN forum_category c ON c.id = t.category_id
                WHERE c.audience_key IS NOT NULL OR NOT (?2 OR c.visibility = 'PUBLIC')),
            """;

    /*
     * Each candidate query takes one row more than CANDIDATES, so that "more than 500 matches" is known
     * without counting every match of a common word. The candidates carry their vectors, so ranking
     * them reads no row again; ts_rank runs only on the candidates, ts_headline only on the (at most
     * 20) rows of the page, in the outer query.
     */
    private static final String RANKED = """
            title_hits AS (
                SELECT p.id, TRUE AS title_hit, p.search_vector
                FROM forum_topic t JOIN forum_category c ON c.id = t.category_id
                     JOIN forum_post p ON p.topic_id = t.id AND p.post_number = 1
                WHERE t.search_vector @@ websearch_to_tsquery('english', ?1) AND NOT p.deleted AND p.review_state = 'VISIBLE' AND (?2 OR c.visibility = 'PUBLIC') AND c.audience_key IS NULL
                ORDER BY t.id DESC LIMIT %1$d),
            hits AS (
                SELECT DISTINCT ON (id) id, title_hit, search_vector
                FROM (SELECT * FROM body_hits UNION ALL SELECT * FROM title_hits) h ORDER BY id, title_hit DESC),
            ranked AS (
                SELECT h.id, h.title_hit, ts_rank(h.search_vector, websearch_to_tsquery('english', ?1)) AS rank,
                       count(*) OVER () AS total
                FROM hits h
                ORDER BY h.title_hit DESC, rank DESC, h.id DESC
                OFFSET ?3 LIMIT ?4)
            SELECT r.id, r.total, r.title_hit,
                   ts_headline('english', %3$s, websearch_to_tsquery('english', ?1), %2$s'HighlightAll=true'),
                   ts_headline('english', %4$s, websearch_to_tsquery('english', ?1),
                               %2$s'MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "'),
                   (SELECT count(*) FROM body_hits) > %5$d OR (SELECT count(*) FROM title_hits) > %5$d AS more
            FROM ranked r JOIN forum_post p ON p.id = r.id JOIN forum_topic t ON t.id = p.topic_id
            ORDER BY r.title_hit DESC, r.rank DESC, r.id DESC
            """.formatted(CANDIDATES + 1, MARKS, angles("t.title"), angles("p.body_text"), CANDIDATES);

    /**
     * The ids where the windows are cut, newest first, for this many estimated matches: none (one scan)
     * for a few, else the newest post's id less the first window's size, less twice it, four times it
     * ... The first window holds {@link #FIRST_WINDOW_MARGIN} times the candidates if the matches are
     * spread evenly over the ids (decision 0053).
     */
    static List<Long> windowCuts(long newestId, double estimatedMatches) {
        List<Long> cuts = new ArrayList<>();
        if (estimatedMatches <= ONE_SCAN_MATCHES) {
            return cuts;
        }
        long first = Math.max(SMALLEST_WINDOW, (long) Math.ceil(FIRST_WINDOW_MARGIN * (CANDIDATES + 1) * newestId / estimatedMatches));
        for (long size = first; size < newestId; size *= 2) {
            cuts.add(newestId - size);
        }
        return cuts;
    }

    /** PostgreSQL's estimate of the posts a query matches: the planner's, from the column's statistics, without reading a row. */
    private static final String ESTIMATE = "EXPLAIN (FORMAT JSON) SELECT 1 FROM forum_post p WHERE p.search_vector @@ websearch_to_tsquery('english', ?1)";

    private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\":\\s*([0-9]+(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)");

    /** The number of rows the top node of an EXPLAIN (FORMAT JSON) expects. */
    static double planRows(String explained) {
        Matcher rows = PLAN_ROWS.matcher(explained);
        if (!rows.find()) {
            throw new IllegalStateException("no \"Plan Rows\" in " + explained);
        }
        return Double.parseDouble(rows.group(1));
    }

    /** The search for this many window cuts (parameters ?5 on), with the hidden topics listed or each candidate's forum looked up. */
    static String postgresqlQuery(int cuts, boolean listHidden) {
        String from = listHidden ? LISTED : JOINED;
        List<String> windows = new ArrayList<>();
        for (int k = 0; k <= cuts; k++) {
            String range = cuts == 0 ? "" : k == 0 ? " AND p.id > ?5" : k == cuts ? " AND p.id <= ?" + (4 + k) : " AND p.id > ?" + (5 + k) + " AND p.id <= ?" + (4 + k);
            windows.add("(SELECT p.id, FALSE AS title_hit, p.search_vector" + from + range + " ORDER BY p.id DESC LIMIT " + (CANDIDATES + 1) + ")");
        }
        return "WITH " + (listHidden ? HIDDEN : "")
                + "body_hits AS (\n    SELECT * FROM (\n    " + String.join("\n    UNION ALL\n    ", windows) + ") w LIMIT " + (CANDIDATES + 1) + "),\n"
                + RANKED;
    }

    @PersistenceContext
    private EntityManager em;

    /** PostgreSQL: one page of results for a web-search query ("quoted phrase", or, -word). */
    Hits searchPostgresql(String query, boolean includeMembersOnly, int first, int max) {
        return searchPostgresql(query, includeMembersOnly, first, max, null);
    }

    /**
     * PostgreSQL, as {@link #searchPostgresql(String, boolean, int, int)}, with the hidden topics listed
     * ({@code true}) or each candidate's forum looked up ({@code false}) whatever their number: both
     * find the same posts, and a test shows it.
     */
    Hits searchPostgresql(String query, boolean includeMembersOnly, int first, int max, Boolean listHidden) {
        return searchPostgresql(query, includeMembersOnly, first, max, listHidden, null);
    }

    /**
     * PostgreSQL, as {@link #searchPostgresql(String, boolean, int, int, Boolean)}, with the windows cut
     * for this many estimated matches rather than PostgreSQL's estimate: whatever the windows, the
     * candidates are the same, and a test shows it.
     */
    Hits searchPostgresql(String query, boolean includeMembersOnly, int first, int max, Boolean listHidden, Double estimatedMatches) {
        Object[] prepared = (Object[]) em.createNativeQuery(PREPARE).setParameter(1, includeMembersOnly).getSingleResult();
        long newestId = ((Number) prepared[2]).longValue();
        boolean list = listHidden != null ? listHidden : ((Number) prepared[3]).longValue() <= HIDDEN_TOPICS_LISTED;
        double estimate = estimatedMatches != null ? estimatedMatches
                : planRows(String.valueOf(em.createNativeQuery(ESTIMATE).setParameter(1, query).getSingleResult()));
        List<Long> cuts = windowCuts(newestId, estimate);
        Query search = em.createNativeQuery(postgresqlQuery(cuts.size(), list))
                .setParameter(1, query).setParameter(2, includeMembersOnly)
                .setParameter(3, first).setParameter(4, max);
        for (int k = 0; k < cuts.size(); k++) {
            search.setParameter(5 + k, cuts.get(k));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = search.getResultList();
        List<Hit> hits = new ArrayList<>();
        int total = 0;
        boolean more = false;
        for (Object[] row : rows) {
            total = ((Number) row[1]).intValue();
            more = Boolean.TRUE.equals(row[5]);
            hits.add(new Hit(((Number) row[0]).longValue(), Boolean.TRUE.equals(row[2]), (String) row[3], (String) row[4]));
        }
        return new Hits(hits, total, more);
    }

    /** PostgreSQL: whether the query has any word to look for (not only stop words such as "the"). */
    boolean hasLexemesPostgresql(String query) {
        Object nodes = em.createNativeQuery("SELECT numnode(websearch_to_tsquery('english', ?1))").setParameter(1, query)
                .getSingleResult();
        return ((Number) nodes).intValue() > 0;
    }

    /**
     * H2: one page of results for lower-case words, each of which must be in the post's text or (for
     * a topic's first post) its title. Posts whose title holds every word rank first, then the newest.
     * The texts are marked by the caller.
     */
    Hits searchH2(List<String> words, boolean includeMembersOnly, int first, int max) {
        String inTitle = words.stream().map(w -> "LOWER(t.title) LIKE ?").collect(Collectors.joining(" AND "));
        String eachWord = words.stream().map(w -> "(LOWER(p.body_text) LIKE ? OR (p.post_number = 1 AND LOWER(t.title) LIKE ?))")
                .collect(Collectors.joining(" AND "));
        String sql = "SELECT p.id, CASE WHEN p.post_number = 1 AND " + inTitle + " THEN 1 ELSE 0 END AS title_hit"
                + " FROM forum_post p JOIN forum_topic t ON t.id = p.topic_id JOIN forum_category c ON c.id = t.category_id"
                + " WHERE NOT p.deleted AND p.review_state = 'VISIBLE' AND (? OR c.visibility = 'PUBLIC') AND c.audience_key IS NULL AND " + eachWord
                + " ORDER BY title_hit DESC, p.id DESC LIMIT " + (2 * CANDIDATES + 1);
        Query q = em.createNativeQuery(sql);
        int index = 1;
        for (String word : words) {
            q.setParameter(index++, like(word));
        }
        q.setParameter(index++, includeMembersOnly);
        for (String word : words) {
            q.setParameter(index++, like(word));
            q.setParameter(index++, like(word));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        int total = Math.min(rows.size(), 2 * CANDIDATES);
        List<Hit> hits = rows.stream().limit(total).skip(first).limit(max)
                .map(row -> new Hit(((Number) row[0]).longValue(), ((Number) row[1]).intValue() == 1, null, null)).toList();
        return new Hits(hits, total, rows.size() > CANDIDATES);
    }

    /** The posts of a page of results with their topics and categories, by post id. */
    Map<Long, Object[]> postsWithTopics(Collection<Long> postIds) {
        if (postIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT p, t, c FROM Post p, Topic t, ForumCategory c"
                        + " WHERE p.id IN :ids AND t.id = p.topicId AND c.id = t.categoryId", Object[].class).setParameter("ids", postIds)
                .getResultStream().collect(Collectors.toMap(row -> ((Post) row[0]).id(), Function.identity()));
    }

    /** The newest posts of a category, not deleted, with their topics. */
    List<Object[]> newestPostsOfCategory(long categoryId, int max) {
        return em.createQuery("SELECT p, t FROM Post p, Topic t"
                        + " WHERE t.id = p.topicId AND t.categoryId = :category AND p.deleted = false AND p.reviewState = 'VISIBLE'"
                        + " ORDER BY p.createdAt DESC, p.id DESC", Object[].class).setParameter("category", categoryId)
                .setMaxResults(max).getResultList();
    }

    /** The newest posts of a topic, not deleted. */
    List<Post> newestPostsOfTopic(long topicId, int max) {
        return em.createQuery("SELECT p FROM Post p"
                        + " WHERE p.topicId = :topic AND p.deleted = false AND p.reviewState = 'VISIBLE' ORDER BY p.number DESC", Post.class).setParameter("topic", topicId)
                .setMaxResults(max).getResultList();
    }

    private static String like(String word) {
        return "%" + word + "%";
    }
}
