-- Search reads the newest posts first (decision 0051). PostgreSQL only: H2 has neither index kind nor
-- storage settings, and its search (a LIKE per word) does not use them.

-- A block range index on the post id: tiny (a few pages for a million posts), it gives PostgreSQL the
-- heap pages of a range of ids, which it intersects with a word's GIN bitmap, so that a search of the
-- newest posts reads only the rows that match there. Posts are appended in id order, so each range of
-- pages holds a narrow range of ids; new ranges are summarized as they fill (autosummarize), and an
-- unsummarized range is simply always read.
CREATE INDEX ix_forum_post_id_range ON forum_post USING BRIN (id) WITH (autosummarize = on);

-- Keep each post's tsvector in its row. With the default (EXTENDED) a long post's vector moved to the
-- TOAST table, and every row search tests or ranks then cost three more page reads (about a tenth of
-- the posts on the benchmark's data). MAIN moves the post's other texts out first, which only the 20
-- results shown (and the topic page, for long posts) read. This applies to rows written from now on:
-- rows already there keep their storage until rewritten (VACUUM FULL forum_post, docs/operations.md).
ALTER TABLE forum_post ALTER COLUMN search_vector SET STORAGE MAIN;

-- New index entries go straight into the GIN indexes, not into a pending list first. Every search
-- reads a GIN index's whole pending list (up to gin_pending_list_limit, 4 MB, before a write or VACUUM
-- merges it), and the post search reads the index once per window it searches: on 1M posts, 2,000
-- new posts in the pending list (171 pages) added about 830 page reads to a search. Writing a post
-- costs a little more instead (0.2 ms rather than 0.08 ms for its index entries). The lists already
-- pending are merged now.
ALTER INDEX ix_forum_post_search SET (fastupdate = off);
ALTER INDEX ix_forum_topic_search SET (fastupdate = off);
SELECT gin_clean_pending_list('ix_forum_post_search'::regclass), gin_clean_pending_list('ix_forum_topic_search'::regclass);
