-- Seeds the forum benchmark database (bench/forum.sh) with :posts posts, straight in SQL.
--   psql -v posts=10000 -v ON_ERROR_STOP=1 -f bench/forum-seed.sql <db>
-- Runs after Flyway created the schema. Adds, next to whatever is there:
--   * 2000 members with distinctive usernames (log-uniform activity: a few post a lot), real names
--     "Benchreal Person N" and emails benchN@bench.invalid that must never show on a page;
--   * 6 public categories (slugs bench-*), topics of 5..400 posts (skewed to short threads), posts
--     of 2..5 sentences from a vocabulary of 3000 made-up words drawn with Zipf-like frequencies,
--     so that search has common words (rank 1..10) and rare ones (rank 2000+);
--   * counters of forum_topic and forum_category equal to what the rows say.
-- Posts are inserted in time order across all topics (as a live forum writes them), not topic by
-- topic, so the 20 posts of a page lie on as many heap pages as they would in production.
-- Explicit ids above the current maximum; the identity sequences are moved past them at the end.
\set ON_ERROR_STOP 1
\timing off
SET client_min_messages = warning;
SET work_mem = '256MB';
SET temp_buffers = '256MB';
SELECT setseed(0.42);

BEGIN;

-- The vocabulary: word i (1-based) made of syllables; rank i is drawn with probability ~ 1/i.
-- forum.sh computes the same words for its search terms (bench_word below must match it).
CREATE TEMP TABLE bench_vocab AS
SELECT i, w FROM (
    SELECT i, s[1 + i % 16] || v[1 + (i / 16) % 5] || s[1 + (i / 80) % 16] || v[1 + (i / 1280) % 5]
              || CASE WHEN i % 3 = 0 THEN s[1 + (i * 7) % 16] || v[1 + (i * 3) % 5] ELSE '' END
              || CASE WHEN i % 4 = 1 THEN 'n' WHEN i % 4 = 2 THEN 'r' ELSE '' END AS w
    FROM generate_series(1, 3000) i,
         (SELECT '{b,c,d,f,g,k,l,m,n,p,r,s,t,v,z,qu}'::text[] AS s, '{a,e,i,o,u}'::text[] AS v) a
) x;
CREATE UNIQUE INDEX ON bench_vocab (i);

-- 30000 sentences of 6..18 words; the first word capitalised.
CREATE TEMP TABLE bench_sentence AS
SELECT n, upper(left(t, 1)) || substr(t, 2) || '.' AS s
FROM (
    SELECT g.n, string_agg(v.w, ' ' ORDER BY k) AS t
    FROM generate_series(1, 30000) g(n)
    CROSS JOIN LATERAL (SELECT k, least(3000, floor(exp(random() * ln(3000.0)))::int) AS r
                        FROM generate_series(1, 6 + (g.n * 7919) % 13) k) x
    JOIN bench_vocab v ON v.i = x.r
    GROUP BY g.n
) x;
CREATE UNIQUE INDEX ON bench_sentence (n);
ANALYZE bench_vocab;
ANALYZE bench_sentence;

-- Members.
CREATE TEMP TABLE bench_base AS
SELECT (SELECT coalesce(max(id), 0) FROM member) AS member0,
       (SELECT coalesce(max(id), 0) FROM forum_category) AS category0,
       (SELECT coalesce(max(position), 0) FROM forum_category) AS position0,
       (SELECT coalesce(max(id), 0) FROM forum_topic) AS topic0,
       (SELECT coalesce(max(id), 0) FROM forum_post) AS post0;

INSERT INTO member (id, name, username, username_key, email, email_key, password_hash, created_at,
                    age_confirmed_at, email_verified_at)
SELECT b.member0 + n,
       'Benchreal Person ' || n,
       u, lower(u),
       'bench' || n || '@bench.invalid', 'bench' || n || '@bench.invalid',
       'bench-account-no-password',
       now() - interval '900 days', now() - interval '900 days', now() - interval '900 days'
FROM bench_base b, generate_series(1, 2000) n,
     LATERAL (SELECT initcap(v1.w) || initcap(v2.w) || n AS u
              FROM bench_vocab v1, bench_vocab v2
              WHERE v1.i = 1 + (n * 37) % 3000 AND v2.i = 1 + (n * 101 + 7) % 3000) names;

-- Categories.
INSERT INTO forum_category (id, name, slug, description, visibility, position, created_at)
SELECT b.category0 + n, name, 'bench-' || lower(replace(name, ' ', '-')),
       'Benchmark forum: ' || name || ' (seeded by bench/forum.sh).', 'PUBLIC', b.position0 + n,
       now() - interval '800 days'
FROM bench_base b,
     unnest('{Announcements,General Discussion,Help and Support,Standards Work,Events and Meetups,Off Topic}'::text[])
         WITH ORDINALITY AS c(name, n);

-- Topics: sizes 5..400, most short (5 + 395 * r^3: mean ~104), cut so that they hold exactly
-- :posts posts. The first topic is at least 60 posts long, so there is always one of 20 or more.
CREATE TEMP TABLE bench_topic AS
WITH sized AS (
    SELECT n, CASE WHEN n = 1 THEN 60 + floor(random() * 100)::int ELSE 5 + floor(395 * power(random(), 3))::int END AS size
    FROM generate_series(1, greatest(10, :posts / 40)) n
), summed AS (
    SELECT n, size, sum(size) OVER (ORDER BY n) AS upto FROM sized
)
SELECT n, least(size, :posts - (upto - size))::int AS size,
       1 + floor(random() * 6)::int AS category,
       now() - interval '12 days' - random() * interval '700 days' AS started,
       interval '1 minute' * (5 + floor(random() * 60)) AS pace
FROM summed
WHERE upto - size < :posts;
CREATE UNIQUE INDEX ON bench_topic (n);

INSERT INTO forum_topic (id, category_id, title, slug, created_at, last_activity_at, post_count)
SELECT b.topic0 + t.n, b.category0 + t.category, title,
       left(trim(both '-' from regexp_replace(lower(title), '[^a-z0-9]+', '-', 'g')), 80),
       t.started, t.started, t.size
FROM bench_base b, bench_topic t,
     LATERAL (SELECT initcap(string_agg(v.w, ' ' ORDER BY k)) || ' ' || t.n AS title
              FROM generate_series(1, 3 + t.n % 6) k
              JOIN bench_vocab v ON v.i = 1 + (t.n * 131 + k * 977) % 3000) title;

-- Posts, in time order. Authors: member rank drawn log-uniformly (a few very active members).
-- First the narrow rows in time order (ids follow time), then the texts joined in that order.
CREATE TEMP TABLE bench_post AS
SELECT row_number() OVER (ORDER BY at, topic, number) AS n, *
FROM (SELECT t.n AS topic, k AS number,
             t.started + t.pace * (k - 1) + random() * t.pace * 0.9 * sign(k - 1) AS at,
             least(2000, floor(exp(random() * ln(2000.0)))::int) AS author,
             1 + floor(random() * 3)::int AS paras,
             random() < 0.03 AS edited,
             1 + floor(random() * 30000)::int AS a1, 1 + floor(random() * 30000)::int AS a2,
             1 + floor(random() * 30000)::int AS a3, 1 + floor(random() * 30000)::int AS a4,
             1 + floor(random() * 30000)::int AS a5
      FROM bench_topic t CROSS JOIN LATERAL generate_series(1, t.size) k) p
ORDER BY at, topic, number;

-- The posts' GIN index takes new entries directly (fastupdate off, decision 0051), which is right for
-- a forum's trickle of posts but slow for a million at once: for the load, entries go to the pending
-- list and are merged in bulk, all of it right after the insert, when the setting is restored.
ALTER INDEX ix_forum_post_search SET (fastupdate = on);

-- body_text is the post's plain text as the application writes it (decision 0014: tags become
-- spaces, white space collapsed); search reads it (its tsvector is generated from it).
INSERT INTO forum_post (id, topic_id, post_number, author_id, body_markdown, body_html, body_text, created_at, edited_at)
SELECT b.post0 + p.n, b.topic0 + p.topic, p.number, b.member0 + p.author,
       s1.s || ' ' || s2.s || CASE WHEN p.paras > 1 THEN E'\n\n' || s3.s ELSE '' END
           || CASE WHEN p.paras > 2 THEN ' ' || s4.s || E'\n\n' || s5.s ELSE '' END,
       '<p>' || s1.s || ' ' || s2.s || '</p>' || CASE WHEN p.paras > 1 THEN E'\n<p>' || s3.s ELSE '' END
           || CASE WHEN p.paras > 2 THEN ' ' || s4.s || E'</p>\n<p>' || s5.s ELSE '' END
           || CASE WHEN p.paras > 1 THEN '</p>' ELSE '' END,
       s1.s || ' ' || s2.s || CASE WHEN p.paras > 1 THEN ' ' || s3.s ELSE '' END
           || CASE WHEN p.paras > 2 THEN ' ' || s4.s || ' ' || s5.s ELSE '' END,
       p.at, CASE WHEN p.edited THEN p.at + interval '3 minutes' END
FROM bench_base b, bench_post p
JOIN bench_sentence s1 ON s1.n = p.a1
JOIN bench_sentence s2 ON s2.n = p.a2
JOIN bench_sentence s3 ON s3.n = p.a3
JOIN bench_sentence s4 ON s4.n = p.a4
JOIN bench_sentence s5 ON s5.n = p.a5;

ALTER INDEX ix_forum_post_search SET (fastupdate = off);
SELECT gin_clean_pending_list('ix_forum_post_search'::regclass);

-- Counters and latest activity from the rows, as posting keeps them.
UPDATE forum_topic t
SET author_id = first.author_id, last_author_id = last.author_id, last_activity_at = last.created_at
FROM bench_base b, forum_post first, forum_post last
WHERE t.id > b.topic0
  AND first.topic_id = t.id AND first.post_number = 1
  AND last.topic_id = t.id AND last.post_number = t.post_count;

UPDATE forum_category c
SET topic_count = x.topics, post_count = x.posts, last_activity_at = x.latest
FROM (SELECT category_id, count(*) AS topics, sum(post_count) AS posts, max(last_activity_at) AS latest
      FROM forum_topic GROUP BY category_id) x
WHERE c.id = x.category_id;

SELECT setval(pg_get_serial_sequence('member', 'id'), (SELECT max(id) FROM member));
SELECT setval(pg_get_serial_sequence('forum_category', 'id'), (SELECT max(id) FROM forum_category));
SELECT setval(pg_get_serial_sequence('forum_topic', 'id'), (SELECT max(id) FROM forum_topic));
SELECT setval(pg_get_serial_sequence('forum_post', 'id'), (SELECT max(id) FROM forum_post));

COMMIT;
