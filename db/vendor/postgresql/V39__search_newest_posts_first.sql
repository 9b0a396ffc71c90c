-- Search reads the newest posts first (decision 0050). PostgreSQL only: H2 has neither index kind nor
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
