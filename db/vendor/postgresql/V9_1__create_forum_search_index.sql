-- PostgreSQL: full-text search over topic titles and post texts (decision 0014). Each table keeps a
-- tsvector generated from the text (English configuration: stemming and stop words), with a GIN index
-- so that a query finds its candidate rows without reading the table.

-- The text of existing posts, from their HTML.
UPDATE forum_post SET body_text = btrim(replace(replace(replace(replace(replace(
    regexp_replace(regexp_replace(body_html, '<[^>]+>', ' ', 'g'), '\s+', ' ', 'g'),
    '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&#39;', ''''), '&amp;', '&'));

ALTER TABLE forum_post ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (to_tsvector('english'::regconfig, body_text)) STORED;
CREATE INDEX ix_forum_post_search ON forum_post USING GIN (search_vector);

ALTER TABLE forum_topic ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (to_tsvector('english'::regconfig, title)) STORED;
CREATE INDEX ix_forum_topic_search ON forum_topic USING GIN (search_vector);
